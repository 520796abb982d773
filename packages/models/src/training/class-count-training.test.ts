import * as tf from '@tensorflow/tfjs';
import { setupBackend } from '@lenet/core';
import { gather, type DatasetSplit } from '@lenet/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistSubset } from '../test-support/mnist-subset.js';
import { findModelRecipe, type ModelRecipe } from '../toolkit/model-catalogue.js';
import { modelInputs } from '../toolkit/model-inputs.js';
import { batchGradients, type TrainingBatch } from './batch-gradients.js';
import { createTrainer } from './create-trainer.js';

let train: DatasetSplit;

beforeAll(async () => {
  await setupBackend({ backends: ['cpu'] });
  ({ train } = await loadMnistSubset(200, 0));
});

/**
 * 48 digits of classes 0 to `classes - 1`: the digits below `classes` as themselves and, when
 * there are more classes than digits, every fourth digit inverted (ink for background) as class
 * 10 + its parity, so that each class is there and can be told apart.
 */
function batchOf(recipe: ModelRecipe, classes: number): TrainingBatch {
  const indices = Array.from(train.labels.keys())
    .filter((index) => (train.labels[index] ?? 99) < classes)
    .slice(0, 48);
  const digits = gather(train, indices);
  const area = digits.height * digits.width;
  if (classes > 10) {
    for (let image = 0; image < digits.count; image += 4) {
      const pixels = digits.images.subarray(image * area, (image + 1) * area);
      pixels.set(pixels.map((value) => 255 - value));
      digits.labels[image] = 10 + ((digits.labels[image] ?? 0) % 2);
    }
  }
  return { ...modelInputs(digits, recipe.input), labels: digits.labels };
}

describe('training with other class counts than 10', () => {
  it.each([
    ['lenet5-softmax', 12],
    ['lenet1', 3],
  ] as const)(
    'trains a %s of %i classes through the LeNet engine, its loss that of tfjs and falling',
    async (name, classes) => {
      const recipe = findModelRecipe(name)!;
      const model = recipe.create(3, 'eblearn', classes);
      const batch = batchOf(recipe, classes);
      expect(new Set(batch.labels).size).toBe(classes);
      const reference = batchGradients(model, 'cross-entropy', batch);
      tf.dispose(reference.gradients);
      const trainer = await createTrainer(model, { criterion: 'cross-entropy' });
      expect([trainer.kernels, trainer.fallbackReason]).toEqual(['lenet', undefined]);
      const optimizer = tf.train.adam(2e-3);
      const losses: number[] = [];
      for (let step = 0; step < 8; step += 1)
        losses.push((await trainer.step(optimizer, batch)).loss);
      expect(losses[0]).toBeCloseTo(reference.loss, 4);
      expect(losses.at(-1)).toBeLessThan(losses[0]! * 0.7);
      // Disposing the trainer wrote the engine's weights back into the model.
      await trainer.dispose();
      const after = batchGradients(model, 'cross-entropy', batch);
      tf.dispose(after.gradients);
      expect(after.loss).toBeLessThan(losses[0]! * 0.7);
      optimizer.dispose();
      model.dispose();
    },
  );
});
