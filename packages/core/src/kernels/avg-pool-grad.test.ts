import * as tf from '@tensorflow/tfjs';
import type { NamedAttrMap, Tensor } from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupBackend } from '../backend/setup-backend.js';
import { expectClose, seededValues } from '../test-support/kernel-comparison.js';

interface PoolingCase {
  readonly input: [number, number, number, number];
  readonly window: [number, number];
  readonly strides: [number, number];
  readonly pad: 'valid' | 'same';
}

const cases: PoolingCase[] = [
  { input: [32, 28, 28, 6], window: [2, 2], strides: [2, 2], pad: 'valid' },
  { input: [1, 10, 10, 16], window: [2, 2], strides: [2, 2], pad: 'valid' },
  { input: [2, 24, 24, 4], window: [2, 2], strides: [2, 2], pad: 'valid' },
  { input: [3, 7, 9, 2], window: [2, 3], strides: [2, 3], pad: 'valid' },
  { input: [1, 5, 5, 3], window: [2, 2], strides: [2, 2], pad: 'same' },
  { input: [2, 8, 8, 1], window: [3, 3], strides: [2, 2], pad: 'valid' },
  { input: [1, 6, 6, 5], window: [3, 3], strides: [1, 1], pad: 'same' },
];

function poolingGradient({ input, window, strides, pad }: PoolingCase, seed: number): Float32Array {
  const x = tf.tensor4d(seededValues(input, seed), input);
  const pooled = tf.avgPool(x, window, strides, pad);
  const dy = tf.tensor(seededValues(pooled.shape, seed + 1), pooled.shape);
  const attrs = { filterSize: window, strides, pad } as unknown as NamedAttrMap;
  const dx = tf.engine().runKernel<Tensor>('AvgPoolGrad', { dy, input: x }, attrs);
  const values = dx.dataSync() as Float32Array;
  tf.dispose([x, pooled, dy, dx]);
  return values;
}

describe('AvgPoolGrad kernel', () => {
  let reference: Float32Array[] = [];

  beforeAll(async () => {
    await setupBackend({ backends: ['cpu'] });
    reference = cases.map((pooling, index) => poolingGradient(pooling, index * 2));
  });

  it.each(cases.map((pooling, index) => ({ ...pooling, index })))(
    'matches the stock cpu kernel on wasm for input $input, window $window, strides $strides, $pad',
    async ({ index, ...pooling }) => {
      await setupBackend({ backends: ['wasm'] });
      const before = tf.memory().numTensors;
      const actual = poolingGradient(pooling, index * 2);
      expect(tf.memory().numTensors).toBe(before);
      expectClose(actual, reference[index]!);
    },
  );
});
