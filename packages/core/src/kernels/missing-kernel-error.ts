import { LenetError } from '../errors/index.js';

const marker = '@lenet/error/MissingKernelError';
const symbol = Symbol.for(marker);

/** Thrown when a lenet kernel needs a kernel that the active backend does not have. */
export class MissingKernelError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link MissingKernelError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is MissingKernelError {
    return LenetError.hasMarker(error, marker);
  }

  /** The kernel that was needed, such as `Conv2D`. */
  readonly kernelName: string;
  /** The backend that lacks it, such as `wasm`. */
  readonly backendName: string;

  /**
   * @param kernelName - The kernel that was needed.
   * @param backendName - The backend that lacks it.
   */
  constructor(kernelName: string, backendName: string) {
    super(
      'MissingKernelError',
      `The ${backendName} backend has no ${kernelName} kernel, which lenet's training kernels are built on. ` +
        `Use the wasm or cpu backend (setupBackend() picks one), or register a ${kernelName} kernel for ${backendName}.`,
    );
    this.kernelName = kernelName;
    this.backendName = backendName;
  }
}
