import { DataError } from './data-error.js';

const marker = '@lenet/error/ChecksumError';
const symbol = Symbol.for(marker);

/** The constructor argument of {@link ChecksumError}. */
export interface ChecksumErrorDetails {
  /** The path or URL of the file. */
  file: string;
  /** The recorded checksums that apply to the file, as people read them (several joined by ` or `). */
  expected: string;
  /** The checksum of the bytes received. */
  actual: string;
  /** How many bytes were hashed. */
  byteLength: number;
  /** Which hashes were compared: `sha256`, `md5`, or both (`sha256, md5`). */
  algorithm: 'sha256' | 'md5' | 'sha256, md5';
  /** What to do, appended to the message. Default: say that the file is damaged or another one. */
  advice?: string;
}

/**
 * Thrown when a well-formed file's checksum is none of those recorded for it: the file is
 * damaged, or another copy or another data set than its name claims (a truncated or
 * malformed file is an {@link IdxFormatError} instead, found before any checksum).
 */
export class ChecksumError extends DataError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link ChecksumError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is ChecksumError {
    return DataError.hasMarker(error, marker);
  }

  /** Which hashes were compared. */
  readonly algorithm: ChecksumErrorDetails['algorithm'];
  /** How many bytes were hashed. */
  readonly byteLength: number;

  /** @param details - The file, the recorded and the actual checksums, what to do. */
  constructor(details: ChecksumErrorDetails) {
    const { file, expected, actual, byteLength, algorithm } = details;
    const advice =
      details.advice ?? 'The file is damaged, or it is another copy or another data set.';
    super(
      'ChecksumError',
      `${file}: checksum mismatch over ${byteLength} bytes: expected ${expected}, got ${actual}. ${advice}`,
      { file, byteOffset: undefined, expected, actual },
    );
    this.algorithm = algorithm;
    this.byteLength = byteLength;
  }
}
