import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LenetError } from '../errors/index.js';
import { expectClose, seededValues } from '../test-support/kernel-comparison.js';
import { createChainPredictor, NotAChainError } from './chain-predictor.js';
import { setupBackend } from './setup-backend.js';

function lenetShapedChain(): tf.LayersModel {
  const input = tf.input({ shape: [32, 32, 1] });
  const layers = [
    tf.layers.conv2d({
      filters: 6,
      kernelSize: 5,
      kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
    }),
    tf.layers.activation({ activation: 'tanh' }),
    tf.layers.averagePooling2d({ poolSize: 2 }),
    tf.layers.conv2d({
      filters: 16,
      kernelSize: 5,
      activation: 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }),
    }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.flatten(),
    tf.layers.dropout({ rate: 0.5 }),
    tf.layers.dense({ units: 10, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }),
  ];
  const output = layers.reduce<tf.SymbolicTensor>(
    (tensor, layer) => layer.apply(tensor) as tf.SymbolicTensor,
    input,
  );
  return tf.model({ inputs: input, outputs: output });
}

describe('createChainPredictor', () => {
  beforeAll(async () => {
    await setupBackend({ backends: ['wasm'] });
  });

  it('gives the outputs of model.predict, in inference mode, without leaking tensors', () => {
    const model = lenetShapedChain();
    const images = tf.tensor4d(seededValues([3, 32, 32, 1], 7), [3, 32, 32, 1]);
    const expected = tf.tidy(() => (model.predict(images) as tf.Tensor).dataSync() as Float32Array);
    const predict = createChainPredictor(model);
    const before = tf.memory().numTensors;
    const output = predict(images);
    expect(output.shape).toEqual([3, 10]);
    expectClose(output.dataSync() as Float32Array, expected, 1e-6);
    output.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([images]);
    model.dispose();
  });

  it('rejects a model that branches and merges, naming the layer', () => {
    const input = tf.input({ shape: [4] });
    const left = tf.layers.dense({ units: 2, name: 'left' }).apply(input) as tf.SymbolicTensor;
    const right = tf.layers.dense({ units: 2, name: 'right' }).apply(input) as tf.SymbolicTensor;
    const merged = tf.layers.add({ name: 'merge' }).apply([left, right]) as tf.SymbolicTensor;
    const failure = (() => {
      try {
        createChainPredictor(tf.model({ inputs: input, outputs: merged }));
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(LenetError.isInstance(failure)).toBe(true);
    expect(failure).toBeInstanceOf(NotAChainError);
    expect((failure as NotAChainError).layerName).toBe('right');
  });
});
