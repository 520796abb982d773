import { readFile } from 'node:fs/promises';
import type { IdxArray } from '../idx/idx-array.js';
import { decodeIdx } from '../idx/decode-idx.js';

/**
 * Reads and decodes an IDX file from disk, gzip-compressed or not (detected by its magic
 * bytes, whatever the file name says).
 *
 * @param path - The file's path.
 * @returns The element type, shape and values; `uint8` data is a view over the decoded bytes.
 * @throws {@link IdxFormatError} on corrupt gzip or a malformed IDX file; the file system's
 *   error when the file cannot be read.
 * @example
 * ```ts
 * const labels = await readIdxFile('mnist/t10k-labels-idx1-ubyte.gz');
 * labels.shape; // [10000]
 * ```
 */
export async function readIdxFile(path: string): Promise<IdxArray> {
  const bytes = await readFile(path);
  return decodeIdx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    file: path,
  });
}
