import * as tf from '@tensorflow/tfjs';
import { setupBackend } from '@lenet/core';

/** The backend the page runs on, as shown to the user. */
export interface PageBackend {
  /** `wasm`, `webgl` or `cpu`. */
  readonly name: string;
  /** One line for the page, e.g. `wasm (SIMD, 1 thread, 9 lenet kernels)`. */
  readonly description: string;
}

/**
 * Starts the fastest backend the browser offers: WebAssembly with SIMD and @lenet/core's
 * training kernels, else WebGL, else plain JavaScript.
 *
 * @param wasmFolder - The URL of the folder holding tfjs's `.wasm` binaries, ending in `/`.
 */
export async function startBackend(wasmFolder: string): Promise<PageBackend> {
  try {
    const setup = await setupBackend({ backends: ['wasm'], wasmPaths: wasmFolder, threads: 1 });
    const simd = setup.simd ? 'SIMD' : 'no SIMD';
    return {
      name: 'wasm',
      description: `wasm (${simd}, ${setup.threads} thread, ${setup.kernels.length} lenet kernels)`,
    };
  } catch (wasmError) {
    console.warn('WebAssembly backend unavailable, trying WebGL:', wasmError);
  }
  if (await tf.setBackend('webgl').catch(() => false))
    return { name: 'webgl', description: 'webgl (WebAssembly unavailable)' };
  const setup = await setupBackend({ backends: ['cpu'] });
  return {
    name: 'cpu',
    description: `cpu (plain JavaScript, ${setup.kernels.length} lenet kernels)`,
  };
}
