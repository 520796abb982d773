import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { setupBackend } from '@lenet/core';
import { MNIST, loadMnist, type Dataset } from '@lenet/data';
import {
  createOptimizer,
  createTrainer,
  createTrainingPlan,
  findModelRecipe,
  TRAINING_DEFAULTS,
  trainEpoch,
  type ModelRecipe,
} from '@lenet/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { testMnistFolder } from '../test-support/run-lenet.js';
import { prepareRunFolder } from './prepare-run-folder.js';
import { runTraining } from './run-training.js';
import type { TrainSettings } from './train-settings.js';

let dataset: Dataset;

/** The first `count` digits of a split. */
function head(split: Dataset['train'], count: number): Dataset['train'] {
  const pixels = split.height * split.width;
  return {
    ...split,
    count,
    images: split.images.subarray(0, count * pixels),
    labels: split.labels.subarray(0, count),
  };
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
  // The official .gz file's, as the folder holds it (runs from before the data record compare it).
  trainImagesSha256: MNIST.files.trainImages.sha256?.gzip ?? '',
};

async function train(options: {
  stopAfterBatches?: number;
  resume?: boolean;
  root: string;
  epochs?: number;
}) {
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
  it("logs a fresh curvature estimate and the paper's eta for every pass", async () => {
    const outcome = await train({ root: join(scratch(), 'run') });
    expect(outcome.status).toBe('completed');
    expect(outcome.history.map((record) => record.learningRate)).toEqual([
      0.0005 / 8,
      0.0005 / 8,
      0.0002 / 8,
    ]);
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
    const weights = (model: tf.LayersModel) =>
      model.getWeights().map((weight) => Array.from(weight.dataSync()));
    expect(weights(resumed.model)).toEqual(weights(whole.model));
    [whole, resumed].forEach(({ model }) => {
      model.dispose();
    });
  });
});

describe('lenet train and the web page', () => {
  it("train on the same batches to the same first-epoch loss and weights (one thread): the page's loop, as apps/web runs it", async () => {
    const run = {
      ...TRAINING_DEFAULTS,
      model: 'lenet1',
      epochs: 1,
      learningRate: 0.005,
      trainLimit: 320,
      threads: 1,
      trainImagesSha256: 'test',
    };
    const folder = await prepareRunFolder(join(scratch(), 'command'), false);
    const command = await runTraining({
      folder,
      dataset,
      settings: run,
      resume: false,
      explicitSettings: new Set(),
      shouldStop: () => false,
    });
    // The page (apps/web/src/training/browser-training.ts): a model with the seed, Adam from the toolkit, a trainer in the calling thread.
    const recipe = findModelRecipe('lenet1') as ModelRecipe;
    const model = recipe.create(run.seed, run.initialisation);
    const trainer = await createTrainer(model, { criterion: 'cross-entropy' });
    const optimizer = createOptimizer(run.optimizer, run.learningRate, {
      model,
      batchSize: run.batchSize,
    });
    const train = {
      ...dataset.train,
      count: 320,
      images: dataset.train.images.subarray(0, 320 * 784),
      labels: dataset.train.labels.subarray(0, 320),
    };
    const plan = createTrainingPlan({
      kind: recipe,
      trainer,
      optimizer,
      train,
      epochs: 1,
      batchSize: run.batchSize,
      seed: run.seed,
      learningRate: run.learningRate,
      schedule: run.schedule,
      distortions: false,
    });
    const losses: number[] = [];
    await trainEpoch(plan, 0, { onBatch: ({ loss }) => losses.push(loss) });
    await trainer.dispose();
    expect(losses).toHaveLength(10);
    expect(command.history[0]?.trainLoss).toBe(
      losses.reduce((sum, loss) => sum + loss, 0) / losses.length,
    );
    const weights = (trained: tf.LayersModel) =>
      trained.getWeights().map((weight) => Array.from(weight.dataSync()));
    expect(weights(command.model)).toEqual(weights(model));
    [command.model, model].forEach((each) => {
      each.dispose();
    });
  });
});
