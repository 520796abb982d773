import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { setupBackend } from '../backend/setup-backend.js';

describe('shared Identity kernel', () => {
  it('returns the same values without a copy and frees them only with the last reference', async () => {
    await setupBackend({ backends: ['wasm'] });
    const buffersBefore = tf.memory().numDataBuffers;
    const input = tf.tensor1d([1, 2, 3]);
    const copy = tf.clone(input);
    expect(tf.memory().numDataBuffers - buffersBefore).toBe(1);
    input.dispose();
    expect(Array.from(copy.dataSync())).toEqual([1, 2, 3]);
    copy.dispose();
    expect(tf.memory().numDataBuffers).toBe(buffersBefore);
  });

  it('is not changed when the variable it came from is assigned', async () => {
    await setupBackend({ backends: ['wasm'] });
    const variable = tf.variable(tf.tensor1d([1, 2]));
    const copy = tf.engine().runKernel<tf.Tensor>('Identity', { x: variable });
    variable.assign(tf.tensor1d([5, 6]));
    expect(Array.from(copy.dataSync())).toEqual([1, 2]);
    expect(Array.from(variable.dataSync())).toEqual([5, 6]);
    tf.dispose([variable, copy]);
  });
});
