import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupBackend } from '../backend/setup-backend.js';
import { seededValues } from '../test-support/kernel-comparison.js';

interface SliceCase {
  readonly shape: number[];
  readonly begin: number[];
  readonly size: number[];
}

const cases: SliceCase[] = [
  { shape: [100, 32, 32, 1], begin: [64, 0, 0, 0], size: [32, -1, -1, -1] },
  { shape: [5, 4], begin: [4, 0], size: [1, 4] },
  { shape: [6, 3, 2], begin: [0, 1, 0], size: [6, 2, 2] },
  { shape: [2, 5, 5, 3], begin: [1, 1, 2, 0], size: [1, 3, 2, 3] },
  { shape: [12], begin: [3], size: [0] },
];

function sliced(
  { shape, begin, size }: SliceCase,
  dtype: 'float32' | 'int32',
): Float32Array | Int32Array {
  return tf.tidy(() => {
    const values = seededValues(shape, shape.length, 100);
    const input =
      dtype === 'int32'
        ? tf.tensor(Int32Array.from(values, Math.round), shape, 'int32')
        : tf.tensor(values, shape);
    return tf.slice(input, begin, size).dataSync() as Float32Array | Int32Array;
  });
}

describe('heap Slice kernel', () => {
  let reference: (Float32Array | Int32Array)[] = [];

  beforeAll(async () => {
    await setupBackend({ backends: ['cpu'] });
    reference = cases.flatMap((slice) => [sliced(slice, 'float32'), sliced(slice, 'int32')]);
  });

  it.each(cases.map((slice, index) => ({ ...slice, index })))(
    'matches the cpu Slice on wasm for $shape from $begin, size $size',
    async ({ index, ...slice }) => {
      await setupBackend({ backends: ['wasm'] });
      const before = tf.memory().numTensors;
      const actual = [sliced(slice, 'float32'), sliced(slice, 'int32')];
      expect(tf.memory().numTensors).toBe(before);
      expect(Array.from(actual[0]!)).toEqual(Array.from(reference[index * 2]!));
      expect(Array.from(actual[1]!)).toEqual(Array.from(reference[index * 2 + 1]!));
    },
  );

  it('copies the slice, so later writes to the source do not show through', async () => {
    await setupBackend({ backends: ['wasm'] });
    const source = tf.variable(tf.tensor2d([1, 2, 3, 4], [2, 2]));
    const row = tf.slice(source, [1, 0], [1, 2]);
    source.assign(tf.zeros([2, 2]));
    expect(Array.from(row.dataSync())).toEqual([3, 4]);
    tf.dispose([source, row]);
  });
});
