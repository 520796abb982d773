import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ScaledTanh } from '../activations/scaled-tanh.js';
import { PartialConv2D } from '../layers/partial-conv-2d.js';
import { RbfOutput } from '../layers/rbf-output.js';
import { TrainableSubsampling2D } from '../layers/trainable-subsampling-2d.js';
import { gaussNewtonDiagonal } from './gauss-newton-diagonal.js';
import { SdlmError } from './sdlm-errors.js';

function diagonals(
  model: tf.LayersModel,
  inputs: tf.Tensor,
): { exact: Map<string, number[]>; layerwise: Map<string, number[]> } {
  const patterns = inputs.shape[0];
  const labels = tf.ones([patterns, 1]);
  const read = (method: 'exact' | 'layerwise'): Map<string, number[]> => {
    const diagonal = gaussNewtonDiagonal(model, inputs, labels, { patterns, method });
    const values = new Map([...diagonal].map(([name, tensor]) => [name, [...tensor.dataSync()]]));
    tf.dispose([...diagonal.values()]);
    return values;
  };
  const result = { exact: read('exact'), layerwise: read('layerwise') };
  labels.dispose();
  return result;
}

describe("gaussNewtonDiagonal's layerwise method (the paper's recursion)", () => {
  it('equals the exact diagonal on a chain with one unit per hidden layer (no cross terms)', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({
          inputShape: [3],
          units: 1,
          activation: 'tanh',
          kernelInitializer: tf.initializers.randomUniform({ minval: -1, maxval: 1, seed: 1 }),
        }),
        new ScaledTanh(),
        tf.layers.dense({
          units: 4,
          activation: 'tanh',
          kernelInitializer: tf.initializers.randomUniform({ minval: -1, maxval: 1, seed: 2 }),
        }),
        new RbfOutput({ codes: [[1, -1, 1, -1]] }),
      ],
    });
    const inputs = tf.randomUniform([5, 3], -1, 1, 'float32', 3);
    const before = tf.memory().numTensors;
    const { exact, layerwise } = diagonals(model, inputs);
    expect(tf.memory().numTensors).toBe(before);
    expect([...layerwise.keys()].sort()).toEqual([...exact.keys()].sort());
    expect(exact.size).toBe(4);
    for (const [name, values] of exact) {
      values.forEach((value, index) => {
        expect(value).toBeGreaterThan(0);
        expect(layerwise.get(name)![index]).toBeCloseTo(value, 4);
      });
    }
    inputs.dispose();
    model.dispose();
  });

  it("sums x_j^2 over a subsampling coefficient's connections, as the paper writes it", () => {
    const model = tf.sequential({
      layers: [
        new TrainableSubsampling2D({ inputShape: [2, 2, 1], poolSize: 2 }),
        tf.layers.flatten(),
        new RbfOutput({ codes: [[0]] }),
      ],
    });
    const subsampling = model.layers[0]!;
    subsampling.setWeights(subsampling.getWeights().map((weight) => tf.fill(weight.shape, 0.5)));
    const inputs = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
    const { exact, layerwise } = diagonals(model, inputs);
    // One unit a = c (x1 + x2 + x3 + x4) + b: the recursion gives 2 sum x_j^2 = 60 for c, the exact diagonal 2 (sum x_j)^2 = 200.
    expect(
      [...layerwise.values()].map((values) => values.map((value) => Math.round(value * 1e4) / 1e4)),
    ).toEqual([[60], [2]]);
    expect(
      [...exact.values()].map((values) => values.map((value) => Math.round(value * 1e4) / 1e4)),
    ).toEqual([[200], [2]]);
    inputs.dispose();
    model.dispose();
  });

  it('runs through convolution, subsampling and partial convolution and equals the exact diagonal on the last layer', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({
          inputShape: [8, 8, 1],
          filters: 2,
          kernelSize: 3,
          activation: 'tanh',
          kernelInitializer: tf.initializers.randomUniform({ minval: -0.8, maxval: 0.8, seed: 3 }),
        }),
        new TrainableSubsampling2D({ poolSize: 2, activation: 'scaledTanh', seed: 5 }),
        new PartialConv2D({
          table: [
            [1, 0, 1],
            [0, 1, 1],
          ],
          kernelSize: 2,
          activation: 'scaledTanh',
          seed: 6,
        }),
        tf.layers.flatten(),
        tf.layers.dense({
          units: 4,
          activation: 'tanh',
          kernelInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: 7 }),
        }),
        new RbfOutput({ codes: [[1, -1, 1, -1]] }),
      ],
    });
    const inputs = tf.randomUniform([4, 8, 8, 1], -0.1, 1.175, 'float32', 11);
    const before = tf.memory().numTensors;
    const { exact, layerwise } = diagonals(model, inputs);
    expect(tf.memory().numTensors).toBe(before);
    expect([...layerwise.keys()].sort()).toEqual([...exact.keys()].sort());
    expect(layerwise.size).toBe(8);
    const last = model.layers[4]!.trainableWeights.map((weight) => weight.name);
    expect(last).toHaveLength(2);
    for (const name of last) {
      exact.get(name)!.forEach((value, index) => {
        expect(layerwise.get(name)![index]).toBeCloseTo(value, 4);
      });
    }
    for (const values of layerwise.values()) expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    inputs.dispose();
    model.dispose();
  });

  it('names the layer it cannot handle', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.maxPooling2d({ inputShape: [2, 2, 1], poolSize: 2 }),
        tf.layers.flatten(),
        new RbfOutput({ codes: [[0]] }),
      ],
    });
    const inputs = tf.ones([1, 2, 2, 1]);
    const labels = tf.ones([1, 1]);
    expect(() => gaussNewtonDiagonal(model, inputs, labels, { method: 'layerwise' })).toThrow(
      SdlmError,
    );
    expect(() => gaussNewtonDiagonal(model, inputs, labels, { method: 'layerwise' })).toThrow(
      /does not handle MaxPooling2D/,
    );
    const softmax = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [2], units: 2 }),
        tf.layers.activation({ activation: 'softmax' }),
        new RbfOutput({ codes: [[0, 0]] }),
      ],
    });
    const pair = tf.ones([1, 2]);
    expect(() => gaussNewtonDiagonal(softmax, pair, labels, { method: 'layerwise' })).toThrow(
      /cannot differentiate activation "softmax"/,
    );
    tf.dispose([inputs, labels, pair]);
    model.dispose();
    softmax.dispose();
  });
});
