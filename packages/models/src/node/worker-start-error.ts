import { LenetError } from '@lenet/core/errors';

const marker = '@lenet/error/WorkerStartError';
const symbol = Symbol.for(marker);

/** Thrown inside a worker thread of a parallel predictor or trainer that cannot start (reported to the calling thread as its worker error). */
export class WorkerStartError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link WorkerStartError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is WorkerStartError {
    return LenetError.hasMarker(error, marker);
  }

  /** Which factory starts the worker, such as `createParallelPredictor()`. */
  readonly owner: string;

  /**
   * @param owner - The factory, such as `createParallelPredictor()`.
   * @param message - What happened, expected against actual, and what to do.
   */
  constructor(owner: string, message: string) {
    super('WorkerStartError', `${owner}: ${message}`);
    this.owner = owner;
  }
}
