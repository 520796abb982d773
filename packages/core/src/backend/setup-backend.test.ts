import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { BackendSetupError } from './backend-setup-error.js';
import { setupBackend } from './setup-backend.js';

describe('setupBackend', () => {
  it('passes over tensorflow when @tensorflow/tfjs-node is not installed and starts wasm with SIMD', async () => {
    const setup = await setupBackend();
    expect(setup.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(setup.simd).toBe(true);
    expect(setup.threads).toBeGreaterThanOrEqual(1);
    expect(setup.skipped.map((attempt) => attempt.backend)).toEqual(['tensorflow']);
    expect(setup.skipped[0]?.reason).toMatch(/tfjs-node/);
  });

  it('adds the missing Conv2DBackpropFilter on wasm and replaces the kernels measured slow', async () => {
    const setup = await setupBackend({ backends: ['wasm'] });
    expect(setup.kernels).toEqual([
      { kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', replaced: false },
      { kernelName: 'Conv2DBackpropInput', backendName: 'wasm', replaced: true },
      { kernelName: 'AvgPoolGrad', backendName: 'wasm', replaced: true },
      { kernelName: 'Tanh', backendName: 'wasm', replaced: true },
      { kernelName: 'Slice', backendName: 'wasm', replaced: true },
      { kernelName: 'Identity', backendName: 'wasm', replaced: true },
      { kernelName: 'Sum', backendName: 'wasm', replaced: true },
    ]);
  });

  it('is idempotent and allocates no tensors', async () => {
    const first = await setupBackend({ backends: ['cpu'] });
    const before = tf.memory().numTensors;
    const second = await setupBackend({ backends: ['cpu'] });
    expect(second).toEqual(first);
    expect(second.kernels).toEqual([
      { kernelName: 'Conv2DBackpropFilter', backendName: 'cpu', replaced: true },
    ]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains a convolution on wasm, which the stock backend cannot', async () => {
    await setupBackend({ backends: ['wasm'] });
    const filter = tf.ones([3, 3, 1, 2]);
    const input = tf.ones<tf.Rank.R4>([1, 4, 4, 1]);
    const gradient = tf.grad((weights) =>
      tf.conv2d(input, weights as tf.Tensor4D, 1, 'valid').sum(),
    )(filter);
    expect(Array.from(gradient.dataSync())).toEqual(new Array(18).fill(4));
    tf.dispose([filter, input, gradient]);
  });

  it('throws a BackendSetupError listing each backend tried when none starts', async () => {
    const failure = await setupBackend({ backends: ['tensorflow'] }).catch(
      (error: unknown) => error,
    );
    expect(BackendSetupError.isInstance(failure)).toBe(true);
    expect((failure as BackendSetupError).attempts.map((attempt) => attempt.backend)).toEqual([
      'tensorflow',
    ]);
    expect((failure as BackendSetupError).message).toMatch(
      /No TensorFlow\.js backend could be started/,
    );
  });
});
