import { LenetError } from '../errors/index.js';

/** Thrown when a lenet kernel needs a kernel that the active backend does not have. */
export class MissingKernelError extends LenetError {
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
