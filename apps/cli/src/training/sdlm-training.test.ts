import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { paperEta, setupBackend } from '@lenet/core';
import { loadMnist, type Dataset } from '@lenet/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { testMnistFolder } from '../test-support/run-lenet.js';
import { findModelRecipe, type ModelRecipe } from './model-catalog.js';
import { createOptimizer, defaultLearningRate } from './optimizers.js';
import { prepareRunFolder } from './prepare-run-folder.js';
import { runTraining } from './run-training.js';
import { CURVATURE_PATTERNS, curvatureSampleIndices, estimatePassCurvature, PortableSdlm } from './sdlm-training.js';
import type { TrainSettings } from './train-settings.js';

let dataset: Dataset;
const lenet5 = findModelRecipe('lenet5') as ModelRecipe;

/** The first `count` digits of a split. */
function head(split: Dataset['train'], count: number): Dataset['train'] {
  const pixels = split.height * split.width;
  return { ...split, count, images: split.images.subarray(0, count * pixels), labels: split.labels.subarray(0, count) };
}

beforeAll(async () => {
  await setupBackend();
  const full = await loadMnist({ folder: testMnistFolder() });
  dataset = { ...full, train: head(full.train, 640), test: head(full.test, 200) };
});

const settings: TrainSettings = {
  model: 'lenet5',
  epochs: 3,
  batchSize: 32,
  optimizer: 'sdlm',
  learningRate: 0.0005 / 8,
  schedule: 'constant',
  loss: 'mle',
  seed: 3,
  distortions: false,
  sdlmMu: 0.2,
  trainLimit: 96,
  trainImagesSha256: 'test',
};

async function train(options: { stopAfterBatches?: number; resume?: boolean; root: string; epochs?: number }) {
  const folder = await prepareRunFolder(options.root, options.resume === true);
  let batches = 0;
  return runTraining({
    folder,
    dataset,
    settings: { ...settings, epochs: options.epochs ?? settings.epochs },
    resume: options.resume === true,
    explicitSettings: new Set(),
    shouldStop: () => (batches += 1) === options.stopAfterBatches,
  });
}

const scratch = () => mkdtempSync(join(tmpdir(), 'lenet-sdlm-'));

describe('SDLM in lenet train', () => {
  it('draws 500 curvature patterns per pass from the seed and the pass', () => {
    const first = curvatureSampleIndices(60_000, 1, 1);
    expect(first).toHaveLength(CURVATURE_PATTERNS);
    expect(new Set(first).size).toBe(CURVATURE_PATTERNS);
    expect(curvatureSampleIndices(60_000, 1, 1)).toEqual(first);
    expect(curvatureSampleIndices(60_000, 1, 2)).not.toEqual(first);
    expect(curvatureSampleIndices(60_000, 2, 1)).not.toEqual(first);
    expect(curvatureSampleIndices(96, 1, 1).sort((a, b) => a - b)).toEqual(Array.from({ length: 96 }, (_, index) => index));
  });

  it("starts from the paper's eta 0.0005 and scales the whole schedule with --learning-rate", () => {
    expect(defaultLearningRate('sdlm')).toBe(0.0005);
    expect(defaultLearningRate('adam')).toBe(0.002);
    const model = lenet5.create(1);
    const paper = createOptimizer('sdlm', 0.0005, { model });
    const eighth = createOptimizer('sdlm', 0.0005 / 8, { model });
    expect([1, 2, 3, 6, 9, 13, 20].map((pass) => paper.passRate?.(pass))).toEqual([1, 2, 3, 6, 9, 13, 20].map(paperEta));
    expect(eighth.passRate?.(4)).toBeCloseTo(paperEta(4) / 8, 12);
    expect(createOptimizer('adam', 0.002).passRate).toBeUndefined();
    model.dispose();
  });

  it("re-estimates the curvature before every pass, with that pass's eta, and leaks no tensors", () => {
    const model = lenet5.create(1);
    const sdlm = new PortableSdlm(model, { batchSize: 32, mu: 0.2 });
    const context = { recipe: lenet5, train: dataset.train, seed: 1 };
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

  it('restores a saved curvature onto a reloaded model whose variables have other names', async () => {
    const original = lenet5.create(1);
    const reloaded = lenet5.create(1);
    expect(reloaded.trainableWeights[0]?.name).not.toBe(original.trainableWeights[0]?.name);
    const saving = new PortableSdlm(original, {});
    estimatePassCurvature(saving, original, { recipe: lenet5, train: dataset.train, seed: 1, pass: 1 });
    const restoring = new PortableSdlm(reloaded, {});
    const saved = await saving.getWeights();
    await restoring.setWeights(saved);
    const values = (optimizer: PortableSdlm) => [...optimizer.stepSizes()].map(([name, step]) => [name, Array.from(step.dataSync())] as const);
    expect(values(restoring).map(([name]) => name)).toEqual(reloaded.trainableWeights.map((weight) => weight.name));
    expect(values(restoring).map(([, steps]) => steps)).toEqual(values(saving).map(([, steps]) => steps));
    tf.dispose(saved.map(({ tensor }) => tensor));
    [saving, restoring].forEach((optimizer) => {
      optimizer.dispose();
    });
    [original, reloaded].forEach((model) => {
      model.dispose();
    });
  });

  it('logs a fresh curvature estimate and the paper\'s eta for every pass', async () => {
    const outcome = await train({ root: join(scratch(), 'run') });
    expect(outcome.status).toBe('completed');
    expect(outcome.history.map((record) => record.learningRate)).toEqual([0.0005 / 8, 0.0005 / 8, 0.0002 / 8]);
    const largest = outcome.history.map((record) => record.curvature?.largest ?? Number.NaN);
    expect(largest.every((value) => value > 0)).toBe(true);
    expect(new Set(largest).size).toBe(3);
    expect(outcome.history[2]?.trainLoss).toBeLessThan(0.9 * (outcome.history[0]?.trainLoss ?? 0));
    outcome.model.dispose();
  });

  it('resumes a run stopped inside a pass to exactly the weights of an uninterrupted one', async () => {
    const whole = await train({ root: join(scratch(), 'whole'), epochs: 2 });
    const root = join(scratch(), 'pieces');
    const stopped = await train({ root, epochs: 2, stopAfterBatches: 4 });
    expect(stopped.status).toBe('interrupted');
    stopped.model.dispose();
    const resumed = await train({ root, epochs: 2, resume: true });
    expect(resumed.status).toBe('completed');
    expect(resumed.history[1]?.curvature).toBeUndefined();
    const weights = (model: tf.LayersModel) => model.getWeights().map((weight) => Array.from(weight.dataSync()));
    expect(weights(resumed.model)).toEqual(weights(whole.model));
    [whole, resumed].forEach(({ model }) => {
      model.dispose();
    });
  });
});
