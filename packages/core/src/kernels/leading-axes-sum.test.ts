import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupBackend } from '../backend/setup-backend.js';
import { expectClose, seededValues } from '../test-support/kernel-comparison.js';

interface SumCase {
  readonly shape: number[];
  readonly axis: number | number[];
  readonly keepDims: boolean;
}

const cases: SumCase[] = [
  { shape: [32, 28, 28, 6], axis: [0, 1, 2], keepDims: false },
  { shape: [32, 1, 1, 120], axis: [2, 0, 1], keepDims: false },
  { shape: [1, 10, 10, 16], axis: [0, 1, 2], keepDims: true },
  { shape: [7, 84], axis: 0, keepDims: false },
  { shape: [7, 84], axis: -2, keepDims: true },
  { shape: [5, 3, 4], axis: [0, 1], keepDims: false },
  { shape: [5, 3, 4], axis: [1, 2], keepDims: false },
  { shape: [5, 3, 4], axis: [0, 2], keepDims: true },
  { shape: [6, 4], axis: [0, 1], keepDims: false },
];

function summed(
  { shape, axis, keepDims }: SumCase,
  seed: number,
): { values: Float32Array; shape: number[] } {
  return tf.tidy(() => {
    const sum = tf.sum(tf.tensor(seededValues(shape, seed), shape), axis, keepDims);
    return { values: sum.dataSync() as Float32Array, shape: sum.shape };
  });
}

describe('leading-axes Sum kernel', () => {
  let reference: { values: Float32Array; shape: number[] }[] = [];

  beforeAll(async () => {
    await setupBackend({ backends: ['cpu'] });
    reference = cases.map((sum, index) => summed(sum, index));
  });

  it.each(cases.map((sum, index) => ({ ...sum, index })))(
    'matches the cpu Sum on wasm for $shape over $axis (keepDims $keepDims)',
    async ({ index, ...sum }) => {
      await setupBackend({ backends: ['wasm'] });
      const before = tf.memory().numTensors;
      const actual = summed(sum, index);
      expect(tf.memory().numTensors).toBe(before);
      expect(actual.shape).toEqual(reference[index]!.shape);
      expectClose(actual.values, reference[index]!.values, 1e-5);
    },
  );

  it('sums integers exactly through the stock kernel', async () => {
    await setupBackend({ backends: ['wasm'] });
    const values = tf.tidy(() => tf.sum(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), 0).dataSync());
    expect(Array.from(values)).toEqual([4, 6]);
  });
});
