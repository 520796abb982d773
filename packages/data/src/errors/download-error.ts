import { DataError } from './data-error.js';

const marker = '@lenet/error/DownloadError';
const symbol = Symbol.for(marker);

/** Why a download failed. */
export type DownloadProblem =
  'status' | 'connection' | 'truncated' | 'no-checksum' | 'all-mirrors-failed';

/** The constructor argument of {@link DownloadError}. */
export interface DownloadErrorDetails {
  /** Which step failed. */
  problem: DownloadProblem;
  /** The URL (or, for `all-mirrors-failed`, the file name) that failed. */
  url: string;
  /** How many bytes had arrived when it failed. */
  receivedBytes: number;
  /** What was expected (a byte count or an HTTP status). */
  expected: string | number;
  /** What happened instead. */
  actual: string | number;
  /** What happened and what to do, without the URL (it is prefixed). */
  message: string;
  /** The underlying error, or for `all-mirrors-failed` the list of each mirror's error. */
  cause?: unknown;
}

/**
 * Thrown when a dataset file cannot be downloaded: an HTTP error status, a connection that
 * drops mid-file, a body shorter than announced, or every mirror failing.
 */
export class DownloadError extends DataError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link DownloadError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is DownloadError {
    return DataError.hasMarker(error, marker);
  }

  /** Which step failed. */
  readonly problem: DownloadProblem;
  /** The URL that failed. */
  readonly url: string;

  /** @param details - The problem, URL, bytes received, expected and actual values. */
  constructor(details: DownloadErrorDetails) {
    super(
      'DownloadError',
      `${details.url}: ${details.message}`,
      { file: details.url, byteOffset: details.receivedBytes, ...details },
      details.cause,
    );
    this.problem = details.problem;
    this.url = details.url;
  }
}
