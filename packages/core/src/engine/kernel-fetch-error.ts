import { LenetError } from '../errors/index.js';

const marker = '@lenet/error/KernelFetchError';
const symbol = Symbol.for(marker);

/**
 * Thrown in a browser when the LeNet WebAssembly kernels (`wasm/lenet-kernels.wasm`) cannot be
 * fetched from beside the package's modules: the site does not serve them there.
 */
export class KernelFetchError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link KernelFetchError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is KernelFetchError {
    return LenetError.hasMarker(error, marker);
  }

  /** The URL fetched. */
  readonly url: string;
  /** The HTTP status of the answer. */
  readonly status: number;

  /**
   * @param url - The URL fetched.
   * @param status - The HTTP status of the answer.
   */
  constructor(url: string, status: number) {
    super(
      'KernelFetchError',
      `Could not fetch the LeNet kernels at ${url}: HTTP ${String(status)}. Serve the package's wasm/lenet-kernels.wasm beside its modules (bundlers that understand new URL(..., import.meta.url) do).`,
    );
    this.url = url;
    this.status = status;
  }
}
