import { DownloadError } from '../errors/download-error.js';
import { readStream } from './read-stream.js';

/** Options of {@link fetchBytes}. */
export interface FetchBytesOptions {
  /** Cancels the request. */
  signal?: AbortSignal | undefined;
  /** Called as bytes arrive, with the total from `Content-Length` when the server sent one. */
  onProgress?: ((receivedBytes: number, totalBytes: number | undefined) => void) | undefined;
}

/**
 * Downloads a whole file into memory with the global `fetch`.
 *
 * @param url - The address of the file.
 * @param options - An abort signal and a progress callback.
 * @returns The body's bytes.
 * @throws {@link DownloadError} on an HTTP error status, a dropped connection, or a body
 *   shorter than its `Content-Length`. An abort rejects with the signal's reason.
 */
export async function fetchBytes(
  url: string,
  options: FetchBytesOptions = {},
): Promise<Uint8Array> {
  let received = 0;
  let total: number | undefined;
  const failure = (
    problem: 'status' | 'connection' | 'truncated',
    expected: string | number,
    actual: string | number,
    message: string,
    cause?: unknown,
  ) =>
    new DownloadError({ problem, url, receivedBytes: received, expected, actual, message, cause });
  try {
    const response = await fetch(url, { signal: options.signal ?? null });
    if (!response.ok || response.body === null) {
      await response.body?.cancel();
      throw failure(
        'status',
        'HTTP 200',
        `HTTP ${response.status}`,
        `the server answered HTTP ${response.status} ${response.statusText}. Try another mirror or check the address.`,
      );
    }
    const header = response.headers.get('content-length');
    total =
      header === null || response.headers.has('content-encoding') ? undefined : Number(header);
    const bytes = await readStream(response.body, {
      expectedBytes: total,
      onChunk: (length) => {
        received = length;
        options.onProgress?.(length, total);
      },
    });
    if (total !== undefined && bytes.length !== total) {
      throw failure(
        'truncated',
        total,
        bytes.length,
        `the body ended after ${bytes.length} of ${total} bytes. Try again.`,
      );
    }
    return bytes;
  } catch (cause) {
    if (options.signal?.aborted === true || cause instanceof DownloadError) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    const expected = total ?? 'a complete response';
    throw failure(
      'connection',
      expected,
      received,
      `the connection failed after ${received} bytes (${reason}). Check the network and try again.`,
      cause,
    );
  }
}
