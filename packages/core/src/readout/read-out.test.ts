import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { readOut } from './read-out.js';

describe('readOut', () => {
  it('picks the smallest RBF distance and turns distances into e^-y posteriors', () => {
    const output = tf.tensor2d([[5, 1, 3]]);
    const result = readOut(output, 'rbf');
    expect(result.labels).toEqual([1]);
    expect(result.scores).toEqual([[-5, -1, -3]]);
    const total = Math.exp(-5) + Math.exp(-1) + Math.exp(-3);
    expect(result.probabilities[0]![1]).toBeCloseTo(Math.exp(-1) / total, 6);
    output.dispose();
  });

  it('picks the largest logit and applies softmax', () => {
    const before = tf.memory().numTensors;
    const output = tf.tensor2d([
      [0, 2],
      [3, -1],
    ]);
    const result = readOut(output, 'logits');
    expect(result.labels).toEqual([1, 0]);
    expect(result.probabilities[1]![0]).toBeCloseTo(1 / (1 + Math.exp(-4)), 6);
    expect(result.probabilities.map((row) => row[0]! + row[1]!)).toEqual([
      expect.closeTo(1, 6),
      expect.closeTo(1, 6),
    ]);
    output.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a tensor that is not [batch, classes]', () => {
    const output = tf.tensor1d([1, 2]);
    expect(() => readOut(output, 'logits')).toThrow(/\[batch, classes\]/);
    output.dispose();
  });
});
