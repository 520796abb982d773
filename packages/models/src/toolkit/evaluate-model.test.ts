import * as tf from '@tensorflow/tfjs';
import { setupBackend } from '@lenet/core';
import { gather, type DatasetSplit } from '@lenet/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistSubset } from '../test-support/mnist-subset.js';
import { ModelOptionError } from '../model-option-error.js';
import { evaluateModel } from './evaluate-model.js';
import { findModelRecipe, type ModelRecipe } from './model-catalogue.js';
import { modelInputs } from './model-inputs.js';
import { NonFiniteOutputError } from './non-finite-output-error.js';

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

  it('scores a 3-class model in a 3 x 3 confusion matrix, row = true class', async () => {
    const indices = Array.from(test.labels.keys()).filter((index) => (test.labels[index] ?? 9) < 3);
    const split = gather(test, indices);
    const recipe = findModelRecipe('lenet5-modern') as ModelRecipe;
    const model = recipe.create(2, 'eblearn', 3);
    const evaluation = await evaluateModel(model, recipe, split, { batchSize: 16 });
    expect(evaluation.classes).toBe(3);
    const { pixels, size } = modelInputs(split, recipe.input);
    const predicted = tf.tidy(() =>
      tf
        .argMax(model.predict(tf.tensor4d(pixels, [split.count, size, size, 1])) as tf.Tensor, 1)
        .dataSync(),
    );
    const expected = Array.from(
      { length: 9 },
      (_, cell) =>
        predicted.filter(
          (label, index) => split.labels[index] === Math.floor(cell / 3) && label === cell % 3,
        ).length,
    );
    expect(Array.from(evaluation.confusion)).toEqual(expected);
    // The untrained model's answers vary, so the layout is tested off the diagonal too.
    expect(expected.filter((count) => count > 0).length).toBeGreaterThan(3);
    expect(evaluation.errors).toBe(split.count - expected[0]! - expected[4]! - expected[8]!);
    model.dispose();
  });

  it('refuses labels the model has no output for', async () => {
    const recipe = findModelRecipe('lenet1') as ModelRecipe;
    const model = recipe.create(2, undefined, 3);
    const first = Array.from(test.labels).findIndex((label) => label >= 3);
    await expect(evaluateModel(model, recipe, test)).rejects.toThrow(ModelOptionError);
    await expect(evaluateModel(model, recipe, test)).rejects.toThrow(
      `evaluateModel: invalid labels. Expected labels from 0 to 2 (the model has 3 outputs), got label ${String(test.labels[first])} at example ${String(first)}.`,
    );
    model.dispose();
  });

  it('refuses a model whose weights are NaN instead of counting its outputs as some label', async () => {
    const recipe = findModelRecipe('lenet5') as ModelRecipe;
    const model = recipe.create(5);
    const nan = model.getWeights().map((weight) => tf.fill(weight.shape, Number.NaN));
    model.setWeights(nan);
    tf.dispose(nan);
    const error: unknown = await evaluateModel(model, recipe, test).catch(
      (reason: unknown) => reason,
    );
    expect(NonFiniteOutputError.isInstance(error)).toBe(true);
    expect(String(error)).toMatch(
      /^NonFiniteOutputError: 230 of 230 images gave outputs that are not finite \(NaN or Infinity\), the first image 0: the model's weights are not finite/,
    );
    model.dispose();
  });

  it('counts the images whose outputs are not finite, over all batches, and leaks no tensors', async () => {
    const recipe = findModelRecipe('lenet1') as ModelRecipe;
    const { pixels, size } = modelInputs(test, recipe.input);
    const area = size * size;
    const centre = (size / 2) * size + size / 2;
    // One logit is 3e38 times the centre pixel: infinite for the images with ink there.
    const model = tf.sequential({
      layers: [
        tf.layers.flatten({ inputShape: [size, size, 1] }),
        tf.layers.dense({ units: 10, useBias: false }),
      ],
    });
    const kernel = new Float32Array(area * 10);
    kernel[centre * 10] = 3e38;
    tf.tidy(() => model.layers[1]?.setWeights([tf.tensor2d(kernel, [area, 10])]));
    const inked = Array.from(
      { length: test.count },
      (_, image) => Math.fround(3e38 * (pixels[image * area + centre] ?? 0)) === Infinity,
    );
    const expected = inked.filter(Boolean).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(test.count);
    const before = tf.memory().numTensors;
    const error: unknown = await evaluateModel(model, recipe, test, { batchSize: 100 }).catch(
      (reason: unknown) => reason,
    );
    expect(tf.memory().numTensors).toBe(before);
    if (!NonFiniteOutputError.isInstance(error)) throw new Error(`got ${String(error)}`);
    expect([error.images, error.count, error.firstImage]).toEqual([
      expected,
      230,
      inked.indexOf(true),
    ]);
    model.dispose();
  });
});
