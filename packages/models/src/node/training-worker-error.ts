import { LenetError } from '@lenet/core/errors';

/** Thrown when a data-parallel training worker fails to start or to compute its share of a batch. */
export class TrainingWorkerError extends LenetError {
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
