import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupBackend } from '../backend/setup-backend.js';
import { expectClose, seededValues } from '../test-support/kernel-comparison.js';

const shapes = [[32, 28, 28, 6], [1, 84], [7], [2, 3, 5]];

describe('Tanh kernel through sigmoid', () => {
  let reference: Float32Array[] = [];

  beforeAll(async () => {
    await setupBackend({ backends: ['cpu'] });
    reference = shapes.map((shape, index) =>
      tf.tidy(
        () => tf.tanh(tf.tensor(seededValues(shape, index, 6), shape)).dataSync() as Float32Array,
      ),
    );
  });

  it.each(shapes.map((shape, index) => ({ shape, index })))(
    'matches the cpu Tanh on wasm to 2e-7 for shape $shape',
    async ({ shape, index }) => {
      await setupBackend({ backends: ['wasm'] });
      const before = tf.memory().numTensors;
      const actual = tf.tidy(
        () => tf.tanh(tf.tensor(seededValues(shape, index, 6), shape)).dataSync() as Float32Array,
      );
      expect(tf.memory().numTensors).toBe(before);
      expectClose(actual, reference[index]!, 2e-7);
    },
  );

  it('is odd, saturates and passes through zero', async () => {
    await setupBackend({ backends: ['wasm'] });
    const values = tf.tidy(() => tf.tanh(tf.tensor([-30, -1, 0, 1, 30])).dataSync());
    expect(Array.from(values)).toEqual([
      -1,
      expect.closeTo(-0.7615942, 6),
      0,
      expect.closeTo(0.7615942, 6),
      1,
    ]);
  });
});
