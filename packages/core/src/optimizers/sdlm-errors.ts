import { LenetError } from '../errors/lenet-error.js';

/**
 * Thrown when the SDLM optimiser is asked to update a weight whose diagonal second
 * derivative it has not estimated, or to estimate it on a model it cannot handle.
 */
export class SdlmError extends LenetError {
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
