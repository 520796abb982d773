import { DatasetNotFoundError } from '../errors/dataset-not-found-error.js';
import { fetchBytes } from '../io/fetch-bytes.js';
import { resolveUrl } from '../io/resolve-url.js';
import { buildDataset } from './build-dataset.js';
import type { Dataset, DatasetDescriptor, LoadDatasetOptions } from './dataset-types.js';
import { downloadVerified } from './download-verified.js';
import { MNIST } from './mnist.js';

/**
 * Loads a dataset in MNIST's IDX layout in the browser, over `fetch` and
 * `DecompressionStream`.
 *
 * With `folder`, it is read as a URL (absolute or relative to the page) serving the four
 * `.gz` files; otherwise the files are downloaded from `mirrors` (default: the
 * descriptor's), each checked against its recorded sha256. There is no cache: serve the
 * files from your own origin, or let the HTTP cache keep them.
 *
 * @param descriptor - The dataset, such as {@link MNIST}.
 * @param options - `folder` (a URL), `source` (`folder` or `download`), mirrors, abort signal, progress callback.
 * @returns Train and test splits, the source used and the checked files.
 * @throws {@link DatasetNotFoundError} for a source the browser does not have;
 *   {@link DownloadError}, {@link ChecksumError}, {@link IdxFormatError} or
 *   {@link DatasetMismatchError} when a file cannot be fetched or is bad.
 * @example
 * ```ts
 * const mnist = await loadDataset(MNIST, { folder: '/data/mnist/' });
 * ```
 */
export async function loadDataset(
  descriptor: DatasetDescriptor,
  options: LoadDatasetOptions = {},
): Promise<Dataset> {
  const { source, folder, signal, onProgress } = options;
  if (source !== undefined && source !== 'folder' && source !== 'download') {
    throw new DatasetNotFoundError(
      descriptor.title,
      [{ kind: source, location: 'the browser', missing: [] }],
      'In the browser, pass a `folder` URL or let the loader download from the mirrors.',
    );
  }
  if (folder !== undefined && source !== 'download') {
    return buildDataset(
      descriptor,
      { kind: 'folder', location: resolveUrl('', folder) },
      async (role) => {
        const url = resolveUrl(`${descriptor.files[role].name}.gz`, folder);
        const onBytes = (receivedBytes: number, totalBytes: number | undefined) =>
          onProgress?.({ type: 'download', role, url, receivedBytes, totalBytes });
        return { role, path: url, bytes: await fetchBytes(url, { signal, onProgress: onBytes }) };
      },
      onProgress,
    );
  }
  const mirrors = options.mirrors ?? descriptor.mirrors;
  return buildDataset(
    descriptor,
    { kind: 'download', location: mirrors.join(' ') },
    async (role) => {
      const { url, bytes } = await downloadVerified(descriptor, role, {
        mirrors,
        signal,
        onProgress,
      });
      return { role, path: url, bytes };
    },
    onProgress,
  );
}

/**
 * Loads MNIST in the browser: {@link loadDataset} with the {@link MNIST} descriptor.
 *
 * @param options - `folder` (a URL), source, mirrors, abort signal, progress callback.
 * @returns 60,000 training and 10,000 test images (`[count, 28, 28]` uint8) with labels.
 * @throws See {@link loadDataset}.
 * @example
 * ```ts
 * const { train } = await loadMnist({ folder: '/data/mnist/' });
 * ```
 * @see LeCun et al. 1998, section III.A
 */
export function loadMnist(options: LoadDatasetOptions = {}): Promise<Dataset> {
  return loadDataset(MNIST, options);
}
