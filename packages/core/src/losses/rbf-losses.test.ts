import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  createRbfMapLoss,
  DEFAULT_MAP_CONSTANT,
  rbfMapLoss,
  rbfMleLoss,
  softmaxCrossEntropy,
} from './rbf-losses.js';

const labels = [
  [0, 1, 0],
  [1, 0, 0],
];
const outputs = [
  [3, 1, 4],
  [2, 0.5, 6],
];

describe('rbfMleLoss', () => {
  it("averages the correct class's distance over the batch", () => {
    const value = tf.tidy(
      () => rbfMleLoss(tf.tensor2d(labels), tf.tensor2d(outputs)).dataSync()[0],
    );
    expect(value).toBeCloseTo((1 + 2) / 2, 6);
  });
});

describe('rbfMapLoss', () => {
  const expected = (constant: number): number =>
    outputs.reduce((sum, row, example) => {
      const correct = row[labels[example]!.indexOf(1)]!;
      return (
        sum +
        correct +
        Math.log(Math.exp(-constant) + row.reduce((total, y) => total + Math.exp(-y), 0))
      );
    }, 0) / outputs.length;

  it('adds log(e^-j + sum_i e^-y_i) to the correct distance, j = 10 by default', () => {
    const before = tf.memory().numTensors;
    const value = tf.tidy(
      () => rbfMapLoss(tf.tensor2d(labels), tf.tensor2d(outputs)).dataSync()[0],
    );
    expect(DEFAULT_MAP_CONSTANT).toBe(10);
    expect(value).toBeCloseTo(expected(10), 5);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('uses a configured j, also through createRbfMapLoss', () => {
    const loss = createRbfMapLoss(0.5);
    const value = tf.tidy(() => loss(tf.tensor2d(labels), tf.tensor2d(outputs)).dataSync()[0]);
    expect(value).toBeCloseTo(expected(0.5), 5);
    expect(() => createRbfMapLoss(Number.NaN)).toThrow(/constant/);
  });

  it('stays finite for large distances', () => {
    const value = tf.tidy(
      () => rbfMapLoss(tf.tensor2d([[1, 0]]), tf.tensor2d([[900, 1000]])).dataSync()[0],
    );
    expect(value).toBeCloseTo(900 - 10, 3);
  });
});

describe('softmaxCrossEntropy', () => {
  it('equals -log softmax of the correct logit, averaged', () => {
    const value = tf.tidy(
      () => softmaxCrossEntropy(tf.tensor2d(labels), tf.tensor2d(outputs)).dataSync()[0],
    );
    const manual =
      outputs.reduce((sum, row, example) => {
        const correct = row[labels[example]!.indexOf(1)]!;
        return sum - (correct - Math.log(row.reduce((total, z) => total + Math.exp(z), 0)));
      }, 0) / 2;
    expect(value).toBeCloseTo(manual, 5);
  });
});
