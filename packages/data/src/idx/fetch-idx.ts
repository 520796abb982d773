import { fetchBytes } from '../io/fetch-bytes.js';
import type { FetchBytesOptions } from '../io/fetch-bytes.js';
import type { IdxArray } from './idx-array.js';
import { decodeIdx } from './decode-idx.js';

/**
 * Downloads and decodes an IDX file with the global `fetch`, gzip-compressed or not.
 *
 * @param url - The file's address.
 * @param options - An abort signal and a progress callback.
 * @returns The element type, shape and values.
 * @throws {@link DownloadError} when the download fails; {@link IdxFormatError} when the
 *   bytes are not valid gzip or IDX.
 * @example
 * ```ts
 * const images = await fetchIdx('/data/mnist/t10k-images-idx3-ubyte.gz');
 * images.shape; // [10000, 28, 28]
 * ```
 */
export async function fetchIdx(url: string, options: FetchBytesOptions = {}): Promise<IdxArray> {
  return decodeIdx(await fetchBytes(url, options), { file: url });
}
