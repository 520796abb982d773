import type { IdxArray } from './idx-array.js';
import { gunzip, isGzip } from './gunzip.js';
import { parseIdx } from './parse-idx.js';
import type { ParseIdxOptions } from './parse-idx.js';

/**
 * Parses IDX bytes, decompressing them first when they start with the gzip magic number.
 *
 * @param bytes - A whole IDX file, raw or gzip-compressed.
 * @param options - The file name for error messages.
 * @returns The element type, shape and values.
 * @throws {@link IdxFormatError} on corrupt gzip or a malformed IDX file.
 * @example
 * ```ts
 * const images = await decodeIdx(await (await fetch('/mnist/t10k-images-idx3-ubyte.gz')).bytes());
 * images.shape; // [10000, 28, 28]
 * ```
 */
export async function decodeIdx(
  bytes: Uint8Array,
  options: ParseIdxOptions = {},
): Promise<IdxArray> {
  const raw = isGzip(bytes) ? await gunzip(bytes, options.file ?? 'IDX data') : bytes;
  return parseIdx(raw, options);
}
