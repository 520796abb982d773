import * as tf from '@tensorflow/tfjs';
import { H3_TABLE, rbfMleLoss } from '@lenet/core';
import { describe, expect, it } from 'vitest';
import { lenet1 } from './lenet1.js';
import { lenet5 } from './lenet5.js';

describe('a training step', () => {
  it('leaks no tensors and changes only trainable weights (the RBF codes stay fixed)', async () => {
    const model = lenet5();
    model.compile({ optimizer: tf.train.sgd(0.01), loss: rbfMleLoss });
    const images = tf.randomUniform([4, 32, 32, 1], -0.1, 1.175, 'float32', 3);
    const labels = tf.oneHot(tf.tensor1d([0, 1, 2, 3], 'int32'), 10);
    const codes = model.getLayer('OUTPUT').getWeights()[0]!.dataSync().slice();
    const kernel = model.getLayer('C3').getWeights()[0]!.dataSync().slice();
    await model.trainOnBatch(images, labels);
    const before = tf.memory().numTensors;
    await model.trainOnBatch(images, labels);
    expect(tf.memory().numTensors).toBe(before);
    expect(model.getLayer('OUTPUT').getWeights()[0]!.dataSync()).toEqual(codes);
    expect(model.getLayer('C3').getWeights()[0]!.dataSync()).not.toEqual(kernel);
    tf.dispose([images, labels]);
    model.dispose();
  });

  it('starts every LeNet-1 weight within +-2.4 / fan-in, per H3 map', () => {
    const model = lenet1();
    const limits: Record<string, number> = {
      H1: 2.4 / 25,
      H2: 2.4 / 4,
      H3: 2.4 / 25,
      H4: 2.4 / 4,
      OUTPUT: 2.4 / 192,
    };
    const h3Bias = model.getLayer('H3').getWeights()[1]!.dataSync();
    H3_TABLE[0]!.forEach((_, map) => {
      const inputs = H3_TABLE.filter((row) => row[map] === 1).length;
      expect(Math.abs(h3Bias[map]!)).toBeLessThanOrEqual(2.4 / (25 * inputs));
    });
    for (const [name, limit] of Object.entries(limits)) {
      for (const weight of model.getLayer(name).getWeights()) {
        expect(Math.max(...Array.from(weight.dataSync(), Math.abs))).toBeLessThanOrEqual(limit);
      }
    }
    model.dispose();
  });
});
