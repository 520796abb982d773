import * as tf from '@tensorflow/tfjs';
import { setupBackend } from '@lenet/core';
import { IDX_FILES, loadMnist, type DatasetSplit } from '@lenet/data';
import {
  createDataParallelTrainer,
  createOptimizer,
  createTrainingPlan,
  criterionFor,
  evaluateModel,
  TRAINING_DEFAULTS,
  trainEpoch,
} from '@lenet/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { barDatasetFiles, pickedFiles } from '../__fixtures__/bar-dataset.js';
import { loadPageDataset } from '../datasets/page-dataset.js';
import { findShippedModel } from '../models/shipped-models.js';
import { findTrainableModel } from '../models/trainable-models.js';
import { BrowserTrainer, type TrainingProgress } from './browser-training.js';

const mnistFolder = process.env.LENET_TEST_MNIST_DIR;
if (mnistFolder === undefined)
  throw new Error('LENET_TEST_MNIST_DIR must name the folder holding the four MNIST .gz files.');

let train: DatasetSplit;
let test: DatasetSplit;

beforeAll(async () => {
  await setupBackend();
  const mnist = await loadMnist({ folder: mnistFolder, source: 'folder' });
  train = {
    ...mnist.train,
    count: 960,
    images: mnist.train.images.subarray(0, 960 * 784),
    labels: mnist.train.labels.subarray(0, 960),
  };
  test = {
    ...mnist.test,
    count: 1000,
    images: mnist.test.images.subarray(0, 1000 * 784),
    labels: mnist.test.labels.subarray(0, 1000),
  };
});

/** `lenet train --model <name> --limit <count> --epochs <epochs> --learning-rate <rate> --threads 1`'s batch losses, as apps/cli/src/training/run-training.ts trains. */
async function commandLosses(
  name: string,
  digits: DatasetSplit,
  epochs: number,
  learningRate: number,
): Promise<number[]> {
  const recipe = findShippedModel(name);
  const model = recipe.create(TRAINING_DEFAULTS.seed, TRAINING_DEFAULTS.initialisation);
  const { batchSize, seed, schedule } = TRAINING_DEFAULTS;
  const optimizer = createOptimizer(TRAINING_DEFAULTS.optimizer, learningRate, {
    batchSize,
    model,
  });
  const trainer = await createDataParallelTrainer(model, {
    criterion: criterionFor(TRAINING_DEFAULTS.loss, recipe.output),
    threads: 1,
    kernels: TRAINING_DEFAULTS.kernels,
  });
  const plan = createTrainingPlan({
    kind: recipe,
    trainer,
    optimizer,
    train: digits,
    epochs,
    batchSize,
    seed,
    learningRate,
    schedule,
    distortions: TRAINING_DEFAULTS.distortions,
  });
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch += 1)
    await trainEpoch(plan, epoch, {
      onBatch: ({ loss }) => losses.push(loss),
      shouldStop: () => false,
    });
  await trainer.dispose();
  model.dispose();
  return losses;
}

describe('BrowserTrainer', () => {
  it('trains LeNet-1 on 960 real digits to under 50% test error (chance: 90%), leaking no tensors', async () => {
    const trainer = new BrowserTrainer(findShippedModel('lenet1'), 1);
    const before = tf.memory().numTensors;
    const progress: TrainingProgress[] = [];
    await trainer.train({ train, epochs: 1, batchSize: 32, learningRate: 0.01 }, (step) =>
      progress.push(step),
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(progress).toHaveLength(30);
    expect(progress.at(-1)?.epoch).toBe(1);
    const evaluation = await evaluateModel(trainer.model, trainer.recipe, test);
    expect(tf.memory().numTensors).toBe(before);
    expect(evaluation.errorRate).toBeLessThan(0.5);
    expect(Array.from(evaluation.confusion).reduce((sum, count) => sum + count, 0)).toBe(1000);
    trainer.model.dispose();
  });

  it.each(['lenet5', 'lenet1'])(
    'trains %s on the batches and to the losses of lenet train --threads 1 with the same seed and settings',
    async (name) => {
      const digits = { ...train, count: 320 };
      const trainer = new BrowserTrainer(findShippedModel(name));
      const losses: number[] = [];
      await trainer.train({ train: digits, epochs: 2, learningRate: 0.004 }, ({ loss }) =>
        losses.push(loss),
      );
      expect(losses).toHaveLength(20);
      expect(losses).toEqual(await commandLosses(name, digits, 2, 0.004));
      trainer.model.dispose();
    },
  );

  it('waits while paused and goes on after resume', async () => {
    const trainer = new BrowserTrainer(findShippedModel('lenet1'), 2);
    let batches = 0;
    const run = trainer.train({ train, epochs: 1, batchSize: 320, learningRate: 0.005 }, () => {
      batches += 1;
      if (batches === 1) trainer.pause();
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(batches).toBe(1);
    trainer.resume();
    await run;
    expect(batches).toBe(3);
    trainer.model.dispose();
  });

  it('stops after the batch in progress, and at once when paused, over epochs too', async () => {
    const trainer = new BrowserTrainer(findShippedModel('lenet1'), 2);
    let batches = 0;
    await trainer.train({ train, epochs: 2, batchSize: 320, learningRate: 0.005 }, () => {
      batches += 1;
      if (batches === 1) trainer.stop();
    });
    expect(batches).toBe(1);
    const paused = new BrowserTrainer(findShippedModel('lenet1'), 2);
    let pausedBatches = 0;
    const run = paused.train({ train, epochs: 2, batchSize: 320, learningRate: 0.005 }, () => {
      pausedBatches += 1;
      if (pausedBatches === 2) paused.pause();
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    paused.stop();
    await run;
    expect(pausedBatches).toBe(2);
    trainer.model.dispose();
    paused.model.dispose();
  });

  it('trains LeNet-5 (softmax head) with 3 outputs on 3 classes of 20x20 images fitted into 28x28', async () => {
    const files = barDatasetFiles({
      classes: 3,
      height: 20,
      width: 20,
      trainCount: 192,
      testCount: 60,
    });
    const { dataset } = await loadPageDataset(IDX_FILES, {
      kind: 'files',
      files: pickedFiles(files),
    });
    const trainer = new BrowserTrainer(findTrainableModel('lenet5-softmax'), 1, dataset.classes);
    expect(trainer.model.outputs[0]?.shape).toEqual([null, 3]);
    const losses: number[] = [];
    await trainer.train({ train: dataset.train, epochs: 2, learningRate: 0.004 }, ({ loss }) =>
      losses.push(loss),
    );
    expect(losses).toHaveLength(12);
    expect(losses.at(-1)).toBeLessThan(0.5 * (losses[0] ?? 0));
    const evaluation = await evaluateModel(trainer.model, trainer.recipe, dataset.test);
    expect(evaluation.confusion).toHaveLength(9);
    expect(evaluation.errorRate).toBeLessThan(0.34);
    trainer.model.dispose();
  });
});
