import { LenetError } from '../errors/index.js';

const marker = '@lenet/error/BackendSetupError';
const symbol = Symbol.for(marker);

/** Why one candidate backend could not be used. */
export interface BackendAttempt {
  /** The backend that was tried, such as `wasm`. */
  readonly backend: string;
  /** What went wrong, in a sentence. */
  readonly reason: string;
}

/** Thrown by `setupBackend()` when none of the requested backends could be started. */
export class BackendSetupError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link BackendSetupError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is BackendSetupError {
    return LenetError.hasMarker(error, marker);
  }

  /** Every backend tried, in order, and why each failed. */
  readonly attempts: readonly BackendAttempt[];

  /**
   * @param attempts - Every backend tried, in order, and why each failed.
   * @param cause - The last underlying error, if any.
   */
  constructor(attempts: readonly BackendAttempt[], cause?: unknown) {
    const tried = attempts.map((attempt) => `${attempt.backend}: ${attempt.reason}`).join('; ');
    super(
      'BackendSetupError',
      `No TensorFlow.js backend could be started (tried ${tried}). ` +
        `Expected at least one of them to initialise. Install @tensorflow/tfjs-backend-wasm next to @lenet/core, ` +
        `check the wasmPaths option in a browser, or ask for the cpu backend: setupBackend({ backends: ['cpu'] }).`,
      { cause },
    );
    this.attempts = attempts;
  }
}
