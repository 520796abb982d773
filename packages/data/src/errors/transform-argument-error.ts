import { LenetError } from '@lenet/common';

const marker = '@lenet/error/TransformArgumentError';
const symbol = Symbol.for(marker);

/** Thrown when a data transform (batches, padding) is given an option it cannot use. */
export class TransformArgumentError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link TransformArgumentError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is TransformArgumentError {
    return LenetError.hasMarker(error, marker);
  }

  /** The transform that refused the option, such as `batches`. */
  readonly transform: string;

  /**
   * @param transform - The transform, such as `batches`.
   * @param message - What happened, expected against actual, and what to do.
   */
  constructor(transform: string, message: string) {
    super('TransformArgumentError', `${transform}: ${message}`);
    this.transform = transform;
  }
}
