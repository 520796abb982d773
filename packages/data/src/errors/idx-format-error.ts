import { DataError } from './data-error.js';
import type { DataErrorDetails } from './data-error.js';

const marker = '@lenet/error/IdxFormatError';
const symbol = Symbol.for(marker);

/** Why an IDX file could not be read. */
export type IdxFormatProblem = 'gzip' | 'compressed' | 'header' | 'magic' | 'type-code' | 'length';

/** The constructor argument of {@link IdxFormatError}. */
export interface IdxFormatErrorDetails extends DataErrorDetails {
  /** Which check failed. */
  problem: IdxFormatProblem;
  /** What happened and what to do, without the file name (it is prefixed). */
  message: string;
  /** The underlying error, if any (such as the decompressor's). */
  cause?: unknown;
}

/**
 * Thrown when bytes are not a well-formed IDX file: corrupt gzip, a bad magic number, an
 * unknown type code, or a byte length that does not match the dimensions in the header.
 *
 * @see http://yann.lecun.com/exdb/mnist/ (the IDX format description)
 */
export class IdxFormatError extends DataError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link IdxFormatError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is IdxFormatError {
    return DataError.hasMarker(error, marker);
  }

  /** Which check failed. */
  readonly problem: IdxFormatProblem;

  /** @param details - The problem, file, byte offset, expected and actual values. */
  constructor(details: IdxFormatErrorDetails) {
    super('IdxFormatError', `${details.file}: ${details.message}`, details, details.cause);
    this.problem = details.problem;
  }
}
