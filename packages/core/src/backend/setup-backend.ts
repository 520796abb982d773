import * as tf from '@tensorflow/tfjs';
import { registerTrainingKernels } from '../kernels/register-training-kernels.js';
import type { RegisteredKernel } from '../kernels/register-training-kernels.js';
import { BackendSetupError } from './backend-setup-error.js';
import type { BackendAttempt } from './backend-setup-error.js';

/** The backends `setupBackend()` knows, fastest first. */
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

/** The three WebAssembly binaries of `@tensorflow/tfjs-backend-wasm`. */
export type WasmBinaryName =
  'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm';

/** Options of {@link setupBackend}. */
export interface SetupBackendOptions {
  /** Backends to try, in order. Default `['tensorflow', 'wasm', 'cpu']`. */
  readonly backends?: readonly BackendName[];
  /**
   * Where the browser finds the `.wasm` files: a folder URL ending in `/`, or a URL for each of
   * the three files. Not needed in Node, where they load from the package. Default: unset.
   */
  readonly wasmPaths?: string | Readonly<Record<WasmBinaryName, string>>;
  /** Threads for the `wasm` backend where the platform allows them (browsers with cross-origin isolation). Default: one per core. */
  readonly threads?: number;
}

/** What {@link setupBackend} set up. */
export interface BackendSetup {
  /** The active backend. */
  readonly backend: BackendName;
  /** For `wasm`: whether the SIMD binary runs. False for other backends. */
  readonly simd: boolean;
  /** For `wasm`: the threads its kernels use; 1 for other backends. */
  readonly threads: number;
  /** The lenet kernels registered on the active backend. */
  readonly kernels: readonly RegisteredKernel[];
  /** Backends tried before the active one, and why each was passed over. */
  readonly skipped: readonly BackendAttempt[];
}

const tensorflowNodePackage = '@tensorflow/tfjs-node';

/**
 * Picks the fastest backend that starts here and makes it ready to train LeNet:
 * `tensorflow` when the optional peer `@tensorflow/tfjs-node` is installed, else `wasm`
 * (SIMD, and threads where the platform allows), else `cpu`. On `wasm` and `cpu` it
 * registers the convolution gradients training needs (see `registerTrainingKernels`).
 * Safe to call more than once.
 *
 * @param options - Backends to try, `.wasm` file locations for browsers, thread count.
 * @returns The active backend, its SIMD and thread use, the kernels registered, and why
 *   faster backends were passed over.
 * @throws {@link BackendSetupError} when no requested backend starts.
 * @example
 * ```ts
 * const setup = await setupBackend();
 * console.log(`training on ${setup.backend} (SIMD: ${setup.simd})`);
 * ```
 */
export async function setupBackend(options: SetupBackendOptions = {}): Promise<BackendSetup> {
  const skipped: BackendAttempt[] = [];
  let lastError: unknown;
  for (const backend of options.backends ?? ['tensorflow', 'wasm', 'cpu']) {
    try {
      const started = await startBackend(backend, options);
      if (started !== undefined) return { ...started, skipped };
      skipped.push({ backend, reason: 'the backend did not initialise' });
    } catch (error) {
      lastError = error;
      skipped.push({ backend, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  throw new BackendSetupError(skipped, lastError);
}

type StartedBackend = Omit<BackendSetup, 'skipped'>;

async function startBackend(
  backend: BackendName,
  options: SetupBackendOptions,
): Promise<StartedBackend | undefined> {
  if (backend === 'tensorflow') {
    await import(/* @vite-ignore */ tensorflowNodePackage);
    if (!(await tf.setBackend('tensorflow'))) return undefined;
    return { backend, simd: false, threads: 1, kernels: [] };
  }
  if (backend === 'wasm') return startWasm(options);
  if (!(await tf.setBackend('cpu'))) return undefined;
  return { backend, simd: false, threads: 1, kernels: registerTrainingKernels('cpu') };
}

async function startWasm(options: SetupBackendOptions): Promise<StartedBackend | undefined> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  // tfjs types findBackend as always returning a backend; it returns null before initialisation.
  if ((tf.findBackend('wasm') as tf.KernelBackend | null) === null) {
    if (options.wasmPaths !== undefined) wasm.setWasmPaths(options.wasmPaths);
    if (options.threads !== undefined) wasm.setThreadsCount(options.threads);
  }
  if (!(await tf.setBackend('wasm'))) return undefined;
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  return {
    backend: 'wasm',
    simd,
    threads: wasm.getThreadsCount(),
    kernels: registerTrainingKernels('wasm'),
  };
}
