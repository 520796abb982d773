import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { setupBackend } from '../backend/setup-backend.js';
import { seededValues } from '../test-support/kernel-comparison.js';
import { registerTrainingKernels, unregisterTrainingKernels } from './register-training-kernels.js';

/** A LeNet-5-shaped network of stock layers with seeded weights. */
function lenetShapedModel(): tf.Sequential {
  const initializer = (seed: number) => tf.initializers.glorotUniform({ seed });
  const model = tf.sequential();
  model.add(
    tf.layers.conv2d({
      inputShape: [32, 32, 1],
      filters: 6,
      kernelSize: 5,
      activation: 'tanh',
      kernelInitializer: initializer(1),
    }),
  );
  model.add(tf.layers.averagePooling2d({ poolSize: 2 }));
  model.add(
    tf.layers.conv2d({
      filters: 16,
      kernelSize: 5,
      activation: 'tanh',
      kernelInitializer: initializer(2),
    }),
  );
  model.add(tf.layers.averagePooling2d({ poolSize: 2 }));
  model.add(
    tf.layers.conv2d({
      filters: 120,
      kernelSize: 5,
      activation: 'tanh',
      kernelInitializer: initializer(3),
    }),
  );
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 84, activation: 'tanh', kernelInitializer: initializer(4) }));
  model.add(tf.layers.dense({ units: 10, kernelInitializer: initializer(5) }));
  return model;
}

/** Trains 6 steps on 8 seeded images (the stock cpu kernels are slow) and returns the loss before each step. */
function lossCurve(): number[] {
  const model = lenetShapedModel();
  const optimizer = tf.train.sgd(0.1);
  const images = tf.tensor4d(seededValues([8, 32, 32, 1], 98), [8, 32, 32, 1]);
  const labels = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10));
  const losses: number[] = [];
  for (let step = 0; step < 6; step++) {
    const loss = optimizer.minimize(
      () => tf.losses.softmaxCrossEntropy(labels, model.apply(images) as tf.Tensor),
      true,
    );
    losses.push(loss!.dataSync()[0]!);
    loss!.dispose();
  }
  model.dispose();
  optimizer.dispose();
  tf.dispose([images, labels]);
  return losses;
}

describe('training with lenet kernels', () => {
  it('gives the same seeded loss curve (to 1e-3) on wasm and cpu as the stock cpu kernels', async () => {
    await setupBackend({ backends: ['cpu'] });
    unregisterTrainingKernels('cpu');
    const reference = lossCurve();
    registerTrainingKernels('cpu');
    const cpu = lossCurve();
    await setupBackend({ backends: ['wasm'] });
    const before = tf.memory().numTensors;
    const wasm = lossCurve();
    expect(tf.memory().numTensors).toBe(before);
    expect(reference[5]).toBeLessThan(reference[0]! - 0.1);
    for (const curve of [cpu, wasm]) {
      curve.forEach((loss, step) => {
        expect(Math.abs(loss - reference[step]!)).toBeLessThan(1e-3);
      });
    }
  });
});
