import { LenetError } from '@lenet/core/errors';

const marker = '@lenet/error/TrainingWorkerError';
const symbol = Symbol.for(marker);

/** Thrown when a data-parallel training worker fails to start or to compute its share of a batch. */
export class TrainingWorkerError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link TrainingWorkerError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is TrainingWorkerError {
    return LenetError.hasMarker(error, marker);
  }

  /** Which worker failed, from 1 (the calling thread computes share 0). */
  readonly worker: number;

  /**
   * @param worker - The failing worker's number.
   * @param reason - What the worker reported.
   * @param cause - The underlying error, if any.
   */
  constructor(worker: number, reason: string, cause?: unknown) {
    super(
      'TrainingWorkerError',
      `Training worker ${String(worker)} failed: ${reason}. Retry with threads: 1 (lenet train --threads 1) to train in one thread; if that works, report the worker failure.`,
      { cause },
    );
    this.worker = worker;
  }
}
