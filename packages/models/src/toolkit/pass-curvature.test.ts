import * as tf from '@tensorflow/tfjs';
import { setupBackend } from '@lenet/core';
import { gather, type DatasetSplit } from '@lenet/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistSubset } from '../test-support/mnist-subset.js';
import { findModelRecipe, type ModelRecipe } from './model-catalogue.js';
import {
  CURVATURE_PATTERNS,
  curvatureSampleIndices,
  estimatePassCurvature,
} from './pass-curvature.js';
import { PortableSdlm } from './portable-sdlm.js';

const lenet5 = findModelRecipe('lenet5') as ModelRecipe;
let train: DatasetSplit;

beforeAll(async () => {
  await setupBackend();
  ({ train } = await loadMnistSubset(640, 0));
});

describe("SDLM's curvature before each pass", () => {
  it('draws 500 curvature patterns per pass from the seed and the pass', () => {
    const first = curvatureSampleIndices(60_000, 1, 1);
    expect(first).toHaveLength(CURVATURE_PATTERNS);
    expect(new Set(first).size).toBe(CURVATURE_PATTERNS);
    expect(curvatureSampleIndices(60_000, 1, 1)).toEqual(first);
    expect(curvatureSampleIndices(60_000, 1, 2)).not.toEqual(first);
    expect(curvatureSampleIndices(60_000, 2, 1)).not.toEqual(first);
    expect(curvatureSampleIndices(96, 1, 1).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 96 }, (_, index) => index),
    );
  });

  it("re-estimates the curvature before every pass, with that pass's eta, and leaks no tensors", () => {
    const model = lenet5.create(1);
    const sdlm = new PortableSdlm(model, { batchSize: 32, mu: 0.2 });
    const context = { kind: lenet5, train, seed: 1 };
    const first = estimatePassCurvature(sdlm, model, { ...context, pass: 1 });
    expect(sdlm.learningRate).toBe(0.0005);
    expect(first.patterns).toBe(500);
    const scaled = model.getWeights().map((weight) => tf.mul(weight, 1.5));
    model.setWeights(scaled);
    tf.dispose(scaled);
    const before = tf.memory().numTensors;
    const third = estimatePassCurvature(sdlm, model, { ...context, pass: 3 });
    expect(tf.memory().numTensors).toBe(before);
    expect(sdlm.learningRate).toBe(0.0002);
    expect(third.smallest).toBeGreaterThan(first.smallest * 2);
    sdlm.dispose();
    model.dispose();
  });

  it('estimates the curvature of a 3-class model, and refuses labels it has no output for', () => {
    const recipe = findModelRecipe('lenet1-place-code') as ModelRecipe;
    const model = recipe.create(1, 'eblearn', 3);
    const digits = {
      ...train,
      ...gather(
        train,
        Array.from(train.labels.keys()).filter((index) => (train.labels[index] ?? 9) < 3),
      ),
    };
    const sdlm = new PortableSdlm(model, {});
    const context = { kind: recipe, seed: 1, pass: 1 };
    const summary = estimatePassCurvature(sdlm, model, { ...context, train: digits });
    expect(summary.patterns).toBe(digits.count);
    expect(summary.largest).toBeGreaterThan(0);
    expect(Number.isFinite(summary.largest)).toBe(true);
    expect(() => estimatePassCurvature(sdlm, model, { ...context, train })).toThrow(
      /estimatePassCurvature: invalid labels\. Expected labels from 0 to 2 \(the model has 3 outputs\)/,
    );
    sdlm.dispose();
    model.dispose();
  });
});

describe('PortableSdlm', () => {
  it('restores a saved curvature onto a reloaded model whose variables have other names', async () => {
    const original = lenet5.create(1);
    const reloaded = lenet5.create(1);
    expect(reloaded.trainableWeights[0]?.name).not.toBe(original.trainableWeights[0]?.name);
    const saving = new PortableSdlm(original, {});
    estimatePassCurvature(saving, original, { kind: lenet5, train, seed: 1, pass: 1 });
    const restoring = new PortableSdlm(reloaded, {});
    const saved = await saving.getWeights();
    await restoring.setWeights(saved);
    const values = (optimizer: PortableSdlm) =>
      [...optimizer.stepSizes()].map(
        ([name, step]) => [name, Array.from(step.dataSync())] as const,
      );
    expect(values(restoring).map(([name]) => name)).toEqual(
      reloaded.trainableWeights.map((weight) => weight.name),
    );
    expect(values(restoring).map(([, steps]) => steps)).toEqual(
      values(saving).map(([, steps]) => steps),
    );
    tf.dispose(saved.map(({ tensor }) => tensor));
    [saving, restoring].forEach((optimizer) => {
      optimizer.dispose();
    });
    [original, reloaded].forEach((model) => {
      model.dispose();
    });
  });
});
