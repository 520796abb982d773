import * as tf from '@tensorflow/tfjs';
import { setupBackend } from '@lenet/core';
import { loadMnist, type DatasetSplit } from '@lenet/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { findWebModel } from '../models/web-models.js';
import { BrowserTrainer, type TrainingProgress } from './browser-training.js';
import { evaluateModel } from './evaluate-model.js';

const mnistFolder = process.env.LENET_TEST_MNIST_DIR;
if (mnistFolder === undefined) throw new Error('LENET_TEST_MNIST_DIR must name the folder holding the four MNIST .gz files.');

let train: DatasetSplit;
let test: DatasetSplit;

beforeAll(async () => {
  await setupBackend();
  const mnist = await loadMnist({ folder: mnistFolder, source: 'folder' });
  train = { ...mnist.train, count: 960, images: mnist.train.images.subarray(0, 960 * 784), labels: mnist.train.labels.subarray(0, 960) };
  test = { ...mnist.test, count: 1000, images: mnist.test.images.subarray(0, 1000 * 784), labels: mnist.test.labels.subarray(0, 1000) };
});

describe('BrowserTrainer', () => {
  it('trains LeNet-1 on 960 real digits to under 50% test error (chance: 90%), leaking no tensors', async () => {
    const trainer = new BrowserTrainer(findWebModel('lenet1'), 1);
    const before = tf.memory().numTensors;
    const progress: TrainingProgress[] = [];
    await trainer.train({ train, epochs: 1, batchSize: 32, learningRate: 0.005, seed: 1 }, (step) => progress.push(step));
    expect(tf.memory().numTensors).toBe(before);
    expect(progress).toHaveLength(30);
    expect(progress.at(-1)?.epoch).toBe(1);
    const evaluation = await evaluateModel(trainer.model, trainer.recipe, test);
    expect(tf.memory().numTensors).toBe(before);
    expect(evaluation.errorRate).toBeLessThan(0.5);
    expect(evaluation.confusion.flat().reduce((sum, count) => sum + count, 0)).toBe(1000);
    trainer.model.dispose();
  });

  it('waits while paused and goes on after resume', async () => {
    const trainer = new BrowserTrainer(findWebModel('lenet1'), 2);
    let batches = 0;
    const run = trainer.train({ train, epochs: 1, batchSize: 320, learningRate: 0.005, seed: 2 }, () => {
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
});
