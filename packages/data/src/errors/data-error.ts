import { LenetError } from '@lenet/common';

const marker = '@lenet/error/DataError';
const symbol = Symbol.for(marker);

/** The facts every data error carries: which file, where in it, and expected against actual. */
export interface DataErrorDetails {
  /** The file path, URL or label (such as `trainImages`) of the data that failed. */
  file: string;
  /** The byte offset where the problem was found, or `undefined` when it concerns the whole file. */
  byteOffset: number | undefined;
  /** What the data should have held at that point. */
  expected: string | number;
  /** What the data held instead. */
  actual: string | number;
}

/**
 * The base of the `@lenet/data` errors: a {@link LenetError} with the file, byte offset,
 * expected and actual values as typed fields.
 */
export abstract class DataError extends LenetError implements DataErrorDetails {
  private readonly [symbol] = true;

  /** True when `error` is a {@link DataError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is DataError {
    return LenetError.hasMarker(error, marker);
  }

  readonly file: string;
  readonly byteOffset: number | undefined;
  readonly expected: string | number;
  readonly actual: string | number;

  /**
   * @param name - The subclass's name.
   * @param message - What happened, expected vs. actual, and what to do.
   * @param details - The file, byte offset, expected and actual values.
   * @param cause - The underlying error, if any.
   */
  protected constructor(name: string, message: string, details: DataErrorDetails, cause?: unknown) {
    super(name, message, { cause });
    this.file = details.file;
    this.byteOffset = details.byteOffset;
    this.expected = details.expected;
    this.actual = details.actual;
  }
}
