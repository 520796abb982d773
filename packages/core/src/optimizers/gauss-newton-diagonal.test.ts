import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ScaledTanh } from '../activations/scaled-tanh.js';
import { PartialConv2D } from '../layers/partial-conv-2d.js';
import { RbfOutput } from '../layers/rbf-output.js';
import { TrainableSubsampling2D } from '../layers/trainable-subsampling-2d.js';
import { gaussNewtonDiagonal } from './gauss-newton-diagonal.js';
import { registeredVariable } from './registered-variable.js';
import { SdlmError } from './sdlm-errors.js';

const CODES = [
  [1, -1, 1, -1],
  [-1, 1, 1, 1],
  [1, 1, -1, -1],
];

/** conv 2 maps 3x3, scaled tanh, trainable subsampling, partial conv (small table), dense, RBF (fixed codes). */
function tinyNetwork(): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({
        inputShape: [8, 8, 1],
        filters: 2,
        kernelSize: 3,
        kernelInitializer: tf.initializers.randomUniform({ minval: -0.8, maxval: 0.8, seed: 3 }),
        biasInitializer: tf.initializers.randomUniform({ minval: -0.2, maxval: 0.2, seed: 4 }),
      }),
      new ScaledTanh(),
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
        biasInitializer: 'zeros',
      }),
      new RbfOutput({ codes: CODES }),
    ],
  });
}

/** `2/P sum_p sum_j (dx_j/dw_k)^2` with dx/dw_k by central differences of the RBF input, per scalar weight. */
function finiteDifferenceDiagonal(
  model: tf.LayersModel,
  inputs: tf.Tensor,
  step: number,
): Map<string, Float64Array> {
  const rbf = model.layers[model.layers.length - 1]!;
  const features = tf.model({ inputs: model.inputs, outputs: rbf.input });
  const patterns = inputs.shape[0];
  const result = new Map<string, Float64Array>();
  for (const weight of features.trainableWeights) {
    const variable = registeredVariable(weight.name);
    const values = variable.dataSync().slice();
    const diagonal = new Float64Array(values.length);
    const featuresAt = (index: number, value: number): Float32Array => {
      const moved = values.slice();
      moved[index] = value;
      tf.tidy(() => {
        variable.assign(tf.tensor(moved, variable.shape));
      });
      return tf.tidy(() => (features.predict(inputs) as tf.Tensor).dataSync() as Float32Array);
    };
    values.forEach((original, index) => {
      const plus = featuresAt(index, original + step);
      const minus = featuresAt(index, original - step);
      let sum = 0;
      plus.forEach((value, at) => {
        sum += ((value - minus[at]!) / (2 * step)) ** 2;
      });
      diagonal[index] = (2 * sum) / patterns;
    });
    tf.tidy(() => {
      variable.assign(tf.tensor(values, variable.shape));
    });
    result.set(variable.name, diagonal);
  }
  return result;
}

describe('gaussNewtonDiagonal', () => {
  it('agrees with a finite-difference Gauss-Newton diagonal to 1e-3 on every weight of every layer type', () => {
    const model = tinyNetwork();
    const inputs = tf.randomUniform([3, 8, 8, 1], -0.1, 1.175, 'float32', 11);
    const labels = tf.oneHot(tf.tensor1d([0, 2, 1], 'int32'), 3);
    const before = tf.memory().numTensors;
    const estimate = gaussNewtonDiagonal(model, inputs, labels, { patterns: 3, method: 'exact' });
    const reference = finiteDifferenceDiagonal(model, inputs, 1e-2);
    expect(tf.memory().numTensors).toBe(before + estimate.size);
    expect([...estimate.keys()].sort()).toEqual([...reference.keys()].sort());
    expect(estimate.size).toBe(8);
    let compared = 0;
    for (const [name, expected] of reference) {
      const actual = estimate.get(name)!.dataSync();
      const scale = Math.max(...expected);
      expect(scale).toBeGreaterThan(0);
      expected.forEach((value, index) => {
        expect(Math.abs(actual[index]! - value)).toBeLessThanOrEqual(
          1e-3 * Math.max(value, 1e-2 * scale),
        );
        compared += 1;
      });
    }
    expect(compared).toBe(model.countParams() - 12);
    tf.dispose([...estimate.values(), inputs, labels]);
    model.dispose();
  });

  it('estimates the same diagonal without bias with random signs, on average', () => {
    const model = tinyNetwork();
    const inputs = tf.randomUniform([100, 8, 8, 1], -0.1, 1.175, 'float32', 12);
    const labels = tf.oneHot(tf.zeros([100], 'int32'), 3);
    const exact = gaussNewtonDiagonal(model, inputs, labels, { patterns: 100, method: 'exact' });
    const random = gaussNewtonDiagonal(model, inputs, labels, {
      patterns: 100,
      method: 'random-sign',
    });
    const [exactTotal, randomTotal] = [exact, random].map((diagonal) =>
      [...diagonal.values()].reduce((sum, values) => sum + values.sum().dataSync()[0]!, 0),
    );
    expect(Math.abs(randomTotal! - exactTotal!) / exactTotal!).toBeLessThan(0.1);
    tf.dispose([...exact.values(), ...random.values(), inputs, labels]);
    model.dispose();
  });

  it('gives trainable RBF codes 2 times the share of patterns of their class', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [2], units: 4 }),
        new RbfOutput({ codes: CODES, trainableCodes: true }),
      ],
    });
    const inputs = tf.ones([4, 2]);
    const labels = tf.oneHot(tf.tensor1d([0, 0, 0, 2], 'int32'), 3);
    const estimate = gaussNewtonDiagonal(model, inputs, labels, { patterns: 4, method: 'exact' });
    const codes = model.layers[1]!.trainableWeights[0]!.name;
    expect(estimate.get(codes)!.arraySync()).toEqual(
      Array.from({ length: 4 }, () => [1.5, 0, 0.5]),
    );
    tf.dispose([...estimate.values(), inputs, labels]);
    model.dispose();
  });

  it('rejects a model without an RBF output and more patterns than given', () => {
    const dense = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 3 })] });
    const inputs = tf.ones([2, 2]);
    const labels = tf.oneHot(tf.tensor1d([0, 1], 'int32'), 3);
    expect(() => gaussNewtonDiagonal(dense, inputs, labels)).toThrow(SdlmError);
    expect(() => gaussNewtonDiagonal(dense, inputs, labels)).toThrow(
      /last layer must be an RbfOutput/,
    );
    const model = tinyNetwork();
    expect(() =>
      gaussNewtonDiagonal(model, tf.ones([2, 8, 8, 1]), labels, { patterns: 3 }),
    ).toThrow(/integer in \[1, 2\]/);
    tf.dispose([inputs, labels]);
    dense.dispose();
    model.dispose();
  });
});
