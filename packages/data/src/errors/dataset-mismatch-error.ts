import { DataError } from './data-error.js';
import type { DataErrorDetails } from './data-error.js';

const marker = '@lenet/error/DatasetMismatchError';
const symbol = Symbol.for(marker);

/** Which consistency check between a dataset's files failed. */
export type DatasetMismatchProblem = 'count' | 'shape' | 'label-range' | 'other-dataset';

/** The constructor argument of {@link DatasetMismatchError}. */
export interface DatasetMismatchErrorDetails extends DataErrorDetails {
  /** Which check failed. */
  problem: DatasetMismatchProblem;
  /** What happened and what to do, without the file name (it is prefixed). */
  message: string;
}

/**
 * Thrown when well-formed IDX files do not make a dataset: image and label counts differ,
 * images have the wrong shape, a label is outside `0..classes-1`, or a file is another known
 * data set's (`other-dataset`: `expected` is the data set asked for, `actual` the one it is).
 */
export class DatasetMismatchError extends DataError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link DatasetMismatchError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is DatasetMismatchError {
    return DataError.hasMarker(error, marker);
  }

  /** Which check failed. */
  readonly problem: DatasetMismatchProblem;

  /** @param details - The problem, file, byte offset, expected and actual values. */
  constructor(details: DatasetMismatchErrorDetails) {
    super('DatasetMismatchError', `${details.file}: ${details.message}`, details);
    this.problem = details.problem;
  }
}
