import { DataError } from './data-error.js';

const marker = '@lenet/error/ChecksumError';
const symbol = Symbol.for(marker);

/**
 * Thrown when a file's sha256 is not the one recorded for it: the file is corrupt,
 * truncated, or not the file its name claims.
 */
export class ChecksumError extends DataError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link ChecksumError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is ChecksumError {
    return DataError.hasMarker(error, marker);
  }

  /** The hash algorithm, always `sha256`. */
  readonly algorithm = 'sha256';
  /** How many bytes were hashed. */
  readonly byteLength: number;

  /**
   * @param file - The path or URL of the file.
   * @param expected - The recorded sha256 (hex); several are joined by ` or `.
   * @param actual - The sha256 of the bytes received.
   * @param byteLength - How many bytes were hashed.
   */
  constructor(file: string, expected: string, actual: string, byteLength: number) {
    super(
      'ChecksumError',
      `${file}: sha256 mismatch over ${byteLength} bytes: expected ${expected}, got ${actual}. ` +
        'The file is corrupt or not the published one: delete it and load again to fetch a fresh copy.',
      { file, byteOffset: undefined, expected, actual },
    );
    this.byteLength = byteLength;
  }
}
