import { LenetError } from '@lenet/common';

const marker = '@lenet/error/EngineInputError';
const symbol = Symbol.for(marker);

/** Thrown when the LeNet engine is given a batch, a vector or a share it cannot use: images of another size, labels that do not match the images or fall outside the model's classes, a vector of another length than the weights. */
export class EngineInputError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link EngineInputError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is EngineInputError {
    return LenetError.hasMarker(error, marker);
  }

  /** The engine method that refused its input, such as `gradients`. */
  readonly method: string;

  /**
   * @param method - The method, such as `gradients`.
   * @param message - What happened, expected against actual, and what to do.
   */
  constructor(method: string, message: string) {
    super('EngineInputError', `LenetEngine.${method}: ${message}`);
    this.method = method;
  }
}
