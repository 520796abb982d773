import * as tf from '@tensorflow/tfjs';
import { C3_TABLE, H3_TABLE } from '@lenet/core';
import { describe, expect, it } from 'vitest';
import { lenet1 } from './lenet1.js';
import { LENET4_TABLE, lenet4 } from './lenet4.js';
import { lenet5 } from './lenet5.js';
import type { Lenet5Options } from './lenet5-options.js';
import { resolveLenet5Options } from './lenet5-options.js';
import type { Image } from './test-support/reference-forward.js';
import {
  activationFunction,
  convolve,
  dense,
  expandPartialKernel,
  flatten,
  mapImage,
  pool,
  rbf,
  setDeterministicWeights,
  subsample,
  weightsOf,
} from './test-support/reference-forward.js';

type Vector = number[];
type Matrix = number[][];
type Kernel = number[][][][];

function images(count: number, size: number): tf.Tensor4D {
  return tf.tidy(() => tf.randomUniform([count, size, size, 1], -0.1, 1.175, 'float32', 42));
}

function convolutionLayer(
  model: tf.LayersModel,
  name: string,
  image: Image,
  activation: (value: number) => number,
): Image {
  const [kernel, bias] = weightsOf(model, name) as [Kernel, Vector];
  return mapImage(convolve(image, kernel, bias), activation);
}

function partialLayer(
  model: tf.LayersModel,
  name: string,
  table: readonly (readonly number[])[],
  image: Image,
  activation: (value: number) => number,
): Image {
  const [stored, bias] = weightsOf(model, name) as [number[][][], Vector];
  return mapImage(convolve(image, expandPartialKernel(stored, table), bias), activation);
}

function subsamplingLayer(
  model: tf.LayersModel,
  name: string,
  image: Image,
  activation: (value: number) => number,
  depthMultiplier = 1,
): Image {
  const [coefficient, bias] = weightsOf(model, name) as [Vector, Vector];
  return subsample(image, coefficient, bias, activation, depthMultiplier);
}

function referenceLenet5(model: tf.LayersModel, image: Image, options: Lenet5Options): Vector {
  const { activation, pooling, c3, head } = resolveLenet5Options(options);
  const squash = activationFunction(activation);
  const down = (name: string, input: Image): Image =>
    pooling === 'trainable'
      ? subsamplingLayer(model, name, input, squash)
      : pool(
          input,
          pooling === 'max'
            ? (block) => Math.max(...block)
            : (block) => block.reduce((total, value) => total + value, 0) / 4,
        );
  const c1 = convolutionLayer(model, 'C1', image, squash);
  const s2 = down('S2', c1);
  const c3Output =
    c3 === 'table'
      ? partialLayer(model, 'C3', C3_TABLE, s2, squash)
      : convolutionLayer(model, 'C3', s2, squash);
  const c5 = convolutionLayer(model, 'C5', down('S4', c3Output), squash);
  const [f6Kernel, f6Bias] = weightsOf(model, 'F6') as [Matrix, Vector];
  const f6 = dense(flatten(c5), f6Kernel, f6Bias).map(squash);
  if (head === 'rbf') return rbf(f6, (weightsOf(model, 'OUTPUT') as [Matrix])[0]);
  const [kernel, bias] = weightsOf(model, 'OUTPUT') as [Matrix, Vector];
  return dense(f6, kernel, bias);
}

function referenceLenet1(model: tf.LayersModel, image: Image): Vector {
  const squash = activationFunction('scaledTanh');
  const h2 = subsamplingLayer(model, 'H2', convolutionLayer(model, 'H1', image, squash), squash);
  const h4 = subsamplingLayer(model, 'H4', partialLayer(model, 'H3', H3_TABLE, h2, squash), squash);
  const [kernel, bias] = weightsOf(model, 'OUTPUT') as [Matrix, Vector];
  return dense(flatten(h4), kernel, bias);
}

function referenceLenet4(model: tf.LayersModel, image: Image): Vector {
  const squash = activationFunction('scaledTanh');
  const s2 = subsamplingLayer(model, 'S2', convolutionLayer(model, 'C1', image, squash), squash, 2);
  const s4 = subsamplingLayer(
    model,
    'S4',
    partialLayer(model, 'C3', LENET4_TABLE, s2, squash),
    squash,
  );
  const [kernel, bias] = weightsOf(model, 'OUTPUT') as [Matrix, Vector];
  return dense(flatten(convolutionLayer(model, 'C5', s4, squash)), kernel, bias);
}

function expectAgreement(
  model: tf.LayersModel,
  size: number,
  reference: (image: Image) => Vector,
): void {
  setDeterministicWeights(model, (values, shape) => tf.tensor(values, shape));
  const input = images(2, size);
  const before = tf.memory().numTensors;
  const output = model.predict(input) as tf.Tensor;
  const actual = output.arraySync() as Matrix;
  output.dispose();
  expect(tf.memory().numTensors).toBe(before);
  const batch = input.arraySync() as Image[];
  input.dispose();
  batch.forEach((image, index) => {
    const expected = reference(image);
    expect(actual[index]).toHaveLength(10);
    expected.forEach((value, unit) => {
      expect(Math.abs(actual[index]![unit]! - value)).toBeLessThan(
        1e-4 * Math.max(1, Math.abs(value)),
      );
    });
  });
  model.dispose();
}

describe('forward pass against a plain-loop reference', () => {
  it('agrees for lenet1()', () => {
    const model = lenet1();
    expectAgreement(model, 28, (image) => referenceLenet1(model, image));
  });

  const variants: Lenet5Options[] = [
    {},
    { head: 'softmax' },
    { preset: 'modern' },
    { pooling: 'average', activation: 'tanh' },
  ];
  for (const options of variants) {
    it(`agrees for lenet5(${JSON.stringify(options)})`, () => {
      const model = lenet5(options);
      expectAgreement(model, 32, (image) => referenceLenet5(model, image, options));
    });
  }

  it('agrees for lenet4()', () => {
    const model = lenet4();
    expectAgreement(model, 32, (image) => referenceLenet4(model, image));
  });
});
