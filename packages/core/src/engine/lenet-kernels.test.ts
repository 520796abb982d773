import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { thrownBy } from '../test-support/layer-checks.js';
import { KernelBindingError } from './kernel-binding-error.js';
import * as KERNEL_CONSTANTS from './kernel-constants.js';
import { bindLenetKernels, instantiateLenetKernels } from './lenet-kernels.js';

const kernelFile = new URL('../../wasm/lenet-kernels.wasm', import.meta.url);
let exports: WebAssembly.Exports;

beforeAll(async () => {
  const { instance } = await WebAssembly.instantiate(await readFile(kernelFile), {});
  exports = instance.exports;
});

/** The error binding `changed` (the real exports with some replaced or removed) throws. */
function bindingError(changed: Record<string, unknown>): KernelBindingError {
  const error = thrownBy(() =>
    bindLenetKernels({ ...exports, ...changed } as WebAssembly.Exports, 'test.wasm'),
  );
  expect(error).toBeInstanceOf(KernelBindingError);
  return error as KernelBindingError;
}

describe('the binding of the LeNet kernels', () => {
  it('accepts the module built from this package, whose constants equal the TypeScript ones', async () => {
    const kernels = await instantiateLenetKernels();
    expect(kernels.memory).toBeInstanceOf(WebAssembly.Memory);
    expect(Object.keys(KERNEL_CONSTANTS).length).toBeGreaterThan(5);
    for (const [name, value] of Object.entries(KERNEL_CONSTANTS))
      expect((exports[name] as WebAssembly.Global).value, name).toBe(value);
    expect(kernels.staticDataEnd()).toBeGreaterThan(KERNEL_CONSTANTS.MAX_LINKS_PER_INPUT * 8);
    expect(kernels.staticDataEnd()).toBeLessThanOrEqual(KERNEL_CONSTANTS.KERNEL_STATIC_BYTES);
  });

  it('names a missing function and says how to rebuild the module', () => {
    const error = bindingError({ simdPeak: undefined });
    expect(error.mismatches).toEqual([
      { name: 'simdPeak', expected: 'a function of 2 parameters', actual: 'nothing' },
    ]);
    expect(error.message).toContain('test.wasm');
    expect(error.message).toContain('simdPeak: expected a function of 2 parameters, got nothing');
    expect(error.message).toContain('pnpm --filter @lenet/core build:wasm');
    expect(KernelBindingError.isInstance(error)).toBe(true);
  });

  it('names a function with another parameter count, and a missing memory', () => {
    const error = bindingError({ convolutionForward: (batch: number) => batch, memory: undefined });
    expect(error.mismatches).toEqual([
      { name: 'memory', expected: 'a memory', actual: 'nothing' },
      {
        name: 'convolutionForward',
        expected: 'a function of 12 parameters',
        actual: 'a function of 1 parameter',
      },
    ]);
  });

  it('refuses a module built with other shared constants', () => {
    const stale = new WebAssembly.Global({ value: 'i32', mutable: false }, 512);
    const error = bindingError({ MAX_LINKS_PER_INPUT: stale, FLOATS_PER_VECTOR: undefined });
    expect(error.mismatches).toEqual([
      {
        name: 'MAX_LINKS_PER_INPUT',
        expected: 'a global of value 1024',
        actual: 'a global of value 512',
      },
      { name: 'FLOATS_PER_VECTOR', expected: 'a global of value 4', actual: 'nothing' },
    ]);
  });

  it('refuses a module whose static data runs into the engine buffers', () => {
    const error = bindingError({ staticDataEnd: () => KERNEL_CONSTANTS.KERNEL_STATIC_BYTES + 16 });
    expect(error.mismatches).toEqual([
      {
        name: 'staticDataEnd()',
        expected: 'static data within the first 65536 bytes (KERNEL_STATIC_BYTES)',
        actual: '65552 bytes',
      },
    ]);
  });
});
