import { LenetError } from '@lenet/core/errors';

const marker = '@lenet/error/UsageError';
const symbol = Symbol.for(marker);

/** A command line that cannot be carried out as given (exit code 2). */
export class UsageError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link UsageError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is UsageError {
    return LenetError.hasMarker(error, marker);
  }

  constructor(message: string) {
    super('UsageError', message);
  }
}
