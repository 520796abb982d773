import { LenetError } from '@lenet/common';

const marker = '@lenet/error/SdlmError';
const symbol = Symbol.for(marker);

/**
 * Thrown when the SDLM optimiser is asked to update a weight whose diagonal second
 * derivative it has not estimated, or to estimate it on a model it cannot handle.
 */
export class SdlmError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link SdlmError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is SdlmError {
    return LenetError.hasMarker(error, marker);
  }

  /** The weight or model concerned, such as `dense_Dense1/kernel`. */
  readonly subject: string;

  /**
   * @param subject - The weight or model concerned.
   * @param message - What happened, expected vs. actual, and what to do.
   */
  constructor(subject: string, message: string) {
    super('SdlmError', `SDLM: ${message}`);
    this.subject = subject;
  }
}
