import type { KernelFunc } from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LenetError } from '../errors/index.js';
import { fallBack, UnsupportedKernelInputError } from './kernel-fallback.js';

describe('fallBack', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('returns the stock kernel and says so once per kernel, backend and reason', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stock: KernelFunc = () => ({ dataId: {}, shape: [], dtype: 'float32' });
    expect(fallBack('AvgPoolGrad', 'wasm', 'test windows', stock)).toBe(stock);
    expect(fallBack('AvgPoolGrad', 'wasm', 'test windows', stock)).toBe(stock);
    expect(fallBack('AvgPoolGrad', 'wasm', 'other test windows', stock)).toBe(stock);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]?.[0]).toMatch(
      /AvgPoolGrad on wasm falls back to the stock tfjs kernel for test windows/,
    );
  });

  it('throws an UnsupportedKernelInputError naming the kernel when there is no stock kernel', () => {
    const failure = (() => {
      try {
        fallBack('Conv2DBackpropFilter', 'wasm', 'NCHW data format', undefined);
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(LenetError.isInstance(failure)).toBe(true);
    expect(failure).toBeInstanceOf(UnsupportedKernelInputError);
    expect((failure as UnsupportedKernelInputError).kernelName).toBe('Conv2DBackpropFilter');
    expect((failure as Error).message).toMatch(/NCHW data format.*Expected NHWC/);
  });
});
