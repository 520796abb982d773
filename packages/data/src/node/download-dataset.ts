import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetFileRoles } from '../datasets/dataset-types.js';
import type {
  DatasetDescriptor,
  DatasetProgressEvent,
  VerifiedFile,
} from '../datasets/dataset-types.js';
import { decodeDatasetFile } from '../datasets/decode-dataset-file.js';
import { downloadVerified } from '../datasets/download-verified.js';
import { datasetCacheDir } from './cache-dir.js';
import { removeAbandonedTemporaryFiles, writeFileAtomic } from '@lenet/common/node';

/** Options of {@link downloadDataset}. */
export interface DownloadDatasetOptions {
  /** The cache root. Default: `$XDG_CACHE_HOME/lenet`, else `~/.cache/lenet`. */
  cacheDir?: string | undefined;
  /** Base URLs tried in order. Default: the descriptor's mirrors. */
  mirrors?: readonly string[] | undefined;
  /** Cancels the downloads. */
  signal?: AbortSignal | undefined;
  /** Receives `download` progress events. */
  onProgress?: ((event: DatasetProgressEvent) => void) | undefined;
}

/**
 * Fills a dataset's cache folder with its four `.gz` files, downloading those that are
 * missing, damaged or fail their checksums.
 *
 * Each download is checked against the recorded sha256 (or published MD5) in memory, then written to a unique
 * temporary file and renamed into place: an interrupted or corrupt download leaves nothing
 * in the cache (the next call simply tries again), and two processes filling the same
 * cache at once each rename a complete file. Temporary files abandoned by a killed process
 * (older than an hour) are deleted.
 *
 * @param descriptor - The dataset.
 * @param options - Cache root, mirrors, abort signal, progress callback.
 * @returns The four cached files.
 * @throws {@link DownloadError} or {@link ChecksumError} when no mirror serves a good copy.
 * @example
 * ```ts
 * const files = await downloadDataset(MNIST);
 * files.map((file) => file.path); // ~/.cache/lenet/mnist/train-images-idx3-ubyte.gz, ...
 * ```
 */
export async function downloadDataset(
  descriptor: DatasetDescriptor,
  options: DownloadDatasetOptions = {},
): Promise<VerifiedFile[]> {
  const folder = datasetCacheDir(descriptor, options.cacheDir);
  await removeAbandonedTemporaryFiles(folder);
  const files: VerifiedFile[] = [];
  for (const role of datasetFileRoles) {
    const path = join(folder, `${descriptor.files[role].name}.gz`);
    const cached = await readFile(path).then(
      (bytes) => verify(descriptor, role, path, bytes),
      () => undefined,
    );
    if (cached !== undefined) {
      files.push(cached);
      continue;
    }
    const { bytes } = await downloadVerified(descriptor, role, {
      mirrors: options.mirrors ?? descriptor.mirrors,
      signal: options.signal,
      onProgress: options.onProgress,
    });
    await writeFileAtomic(path, bytes);
    files.push((await decodeDatasetFile(descriptor.files[role], { role, path, bytes })).file);
  }
  return files;
}

/** A cached file's record when it decodes and matches a recorded checksum, else `undefined`. */
async function verify(
  descriptor: DatasetDescriptor,
  role: (typeof datasetFileRoles)[number],
  path: string,
  stored: Uint8Array,
): Promise<VerifiedFile | undefined> {
  const bytes = new Uint8Array(stored.buffer, stored.byteOffset, stored.byteLength);
  const decoded = await decodeDatasetFile(descriptor.files[role], { role, path, bytes }).catch(
    () => undefined,
  );
  return decoded?.checksums.result === 'match' ? decoded.file : undefined;
}
