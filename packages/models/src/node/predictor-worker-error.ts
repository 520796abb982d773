import { LenetError } from '@lenet/core/errors';

const marker = '@lenet/error/PredictorWorkerError';
const symbol = Symbol.for(marker);

/** Thrown when a worker thread of a parallel predictor fails to start or to compute its share of a batch. */
export class PredictorWorkerError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link PredictorWorkerError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is PredictorWorkerError {
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
      'PredictorWorkerError',
      `Prediction worker ${String(worker)} failed: ${reason}. Every batch this predictor splits fails from now on: dispose it and create a new one, or predict with threads: 1 (the calling thread alone); if that works, report the worker failure.`,
      { cause },
    );
    this.worker = worker;
  }
}
