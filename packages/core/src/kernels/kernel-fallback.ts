import type { KernelFunc } from '@tensorflow/tfjs';
import { LenetError } from '../errors/index.js';

const marker = '@lenet/error/UnsupportedKernelInputError';
const symbol = Symbol.for(marker);

/** Thrown when a lenet kernel gets inputs it does not handle and the backend has no kernel to fall back to. */
export class UnsupportedKernelInputError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link UnsupportedKernelInputError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is UnsupportedKernelInputError {
    return LenetError.hasMarker(error, marker);
  }

  /** The kernel, such as `Conv2DBackpropFilter`. */
  readonly kernelName: string;
  /** The backend, such as `wasm`. */
  readonly backendName: string;

  /**
   * @param kernelName - The kernel.
   * @param backendName - The backend.
   * @param reason - What about the inputs is unsupported, such as `NCHW data format`.
   */
  constructor(kernelName: string, backendName: string, reason: string) {
    super(
      'UnsupportedKernelInputError',
      `${kernelName} on the ${backendName} backend got inputs lenet's kernel does not handle (${reason}), and ${backendName} has no stock ${kernelName} to fall back to. ` +
        `Expected NHWC tensors ([batch, height, width, channels]); convert them, or train on the cpu backend.`,
    );
    this.kernelName = kernelName;
    this.backendName = backendName;
  }
}

const announced = new Set<string>();

/**
 * Returns the stock kernel for inputs our kernel does not handle, saying once (per kernel,
 * backend and reason) on the console that training now runs a kernel measured slower.
 *
 * @throws {@link UnsupportedKernelInputError} when there is no stock kernel.
 */
export function fallBack(
  kernelName: string,
  backendName: string,
  reason: string,
  stock: KernelFunc | undefined,
): KernelFunc {
  if (stock === undefined) throw new UnsupportedKernelInputError(kernelName, backendName, reason);
  const key = `${kernelName}/${backendName}/${reason}`;
  if (!announced.has(key)) {
    announced.add(key);
    console.warn(
      `lenet: ${kernelName} on ${backendName} falls back to the stock tfjs kernel for ${reason}; ` +
        `bench/kernels.ts measured the stock kernel slower than lenet's for LeNet's shapes.`,
    );
  }
  return stock;
}
