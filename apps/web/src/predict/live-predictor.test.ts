import * as tf from '@tensorflow/tfjs';
import { loadMnist } from '@lenet/data';
import { loadModel } from '@lenet/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { findShippedModel } from '../models/shipped-models.js';
import { LivePredictor } from './live-predictor.js';

const mnistFolder = process.env.LENET_TEST_MNIST_DIR;
if (mnistFolder === undefined)
  throw new Error('LENET_TEST_MNIST_DIR must name the folder holding the four MNIST .gz files.');

let testImages: Uint8Array;
let testLabels: Uint8Array;

beforeAll(async () => {
  const mnist = await loadMnist({ folder: mnistFolder, source: 'folder' });
  testImages = mnist.test.images.subarray(0, 20 * 784);
  testLabels = mnist.test.labels.subarray(0, 20);
});

describe('LivePredictor', () => {
  it.each(['lenet5', 'lenet5-modern', 'lenet1'])(
    'reads the first 20 MNIST test digits with the shipped %s weights, leaking no tensors',
    async (name) => {
      const model = await loadModel(
        new URL(`../../public/models/${name}`, import.meta.url).pathname,
      );
      const predictor = new LivePredictor(model, findShippedModel(name));
      const before = tf.memory().numTensors;
      const labels = Array.from(
        { length: 20 },
        (_, index) => predictor.predict(testImages.subarray(index * 784, (index + 1) * 784)).label,
      );
      expect(tf.memory().numTensors).toBe(before);
      expect(
        labels.filter((label, index) => label === testLabels[index]).length,
      ).toBeGreaterThanOrEqual(19);
      model.dispose();
    },
  );

  it("returns the paper LeNet-5's layers in order, with probabilities that sum to 1", async () => {
    const model = await loadModel(new URL('../../public/models/lenet5', import.meta.url).pathname);
    const prediction = new LivePredictor(model, findShippedModel('lenet5')).predict(
      testImages.subarray(0, 784),
    );
    expect(prediction.layers.map((layer) => `${layer.name} ${layer.shape.join('x')}`)).toEqual([
      'input 32x32x1',
      'C1 28x28x6',
      'S2 14x14x6',
      'C3 10x10x16',
      'S4 5x5x16',
      'C5 1x1x120',
      'F6 84',
      'OUTPUT 10',
    ]);
    expect(prediction.probabilities.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 5);
    expect(prediction.label).toBe(testLabels[0]);
    model.dispose();
  });
});
