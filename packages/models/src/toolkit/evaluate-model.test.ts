import * as tf from '@tensorflow/tfjs';
import { setupBackend } from '@lenet/core';
import type { DatasetSplit } from '@lenet/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistSubset } from '../test-support/mnist-subset.js';
import { evaluateModel } from './evaluate-model.js';
import { findModelRecipe, type ModelRecipe } from './model-catalogue.js';
import { modelInputs } from './model-inputs.js';

let test: DatasetSplit;

beforeAll(async () => {
  await setupBackend();
  ({ test } = await loadMnistSubset(0, 230));
});

describe('evaluateModel', () => {
  it.each(['lenet1', 'lenet5'])(
    "counts %s's errors per class in batches of any size, reading its output kind, and leaks no tensors",
    async (name) => {
      const recipe = findModelRecipe(name) as ModelRecipe;
      const model = recipe.create(5);
      const before = tf.memory().numTensors;
      const evaluation = await evaluateModel(model, recipe, test, { batchSize: 100 });
      expect(tf.memory().numTensors).toBe(before);
      expect((await evaluateModel(model, recipe, test, { batchSize: 7 })).predictions).toEqual(
        evaluation.predictions,
      );
      const { pixels, size } = modelInputs(test, recipe.input);
      const expected = tf.tidy(() => {
        const output = model.predict(tf.tensor4d(pixels, [test.count, size, size, 1])) as tf.Tensor;
        return Array.from(
          (recipe.output === 'rbf' ? tf.argMin(output, 1) : tf.argMax(output, 1)).dataSync(),
        );
      });
      expect(Array.from(evaluation.predictions)).toEqual(expected);
      const wrong = expected.flatMap((label, index) =>
        label === test.labels[index] ? [] : [index],
      );
      expect(evaluation.misclassified).toEqual(wrong);
      expect([evaluation.errors, evaluation.count, evaluation.errorRate]).toEqual([
        wrong.length,
        230,
        wrong.length / 230,
      ]);
      expect(Array.from(evaluation.confusion).reduce((sum, count) => sum + count, 0)).toBe(230);
      const label = test.labels[0] ?? 0;
      const predicted = evaluation.predictions[0] ?? 0;
      expect(evaluation.confusion[label * 10 + predicted]).toBeGreaterThan(0);
      model.dispose();
    },
  );
});
