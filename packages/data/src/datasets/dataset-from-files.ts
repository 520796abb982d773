import { DatasetNotFoundError } from '../errors/dataset-not-found-error.js';
import { buildDataset } from './build-dataset.js';
import { datasetFileRoles } from './dataset-types.js';
import type { Dataset, DatasetDescriptor, DatasetProgressEvent } from './dataset-types.js';
import { fileNameCandidates, sortIntoRoles } from './file-roles.js';

/** A file handed over in memory: its name (to tell its role) and its bytes, gzip or raw. */
export interface InMemoryFile {
  /** The file name, such as `train-images-idx3-ubyte.gz`. */
  name: string;
  /** The bytes as stored. */
  bytes: Uint8Array;
}

/**
 * Makes a dataset from four files held in memory, such as files a page's user picked with a
 * file input (nothing is uploaded), checked like files from a folder: structure first, then
 * the descriptor's checksums.
 *
 * Each file is matched to its role by the descriptor's names (gz or raw, `-idx3-` or
 * `.idx3-`) or, for a descriptor with `anyFileNames`, by the parts of its name.
 *
 * @param descriptor - The dataset, such as {@link FASHION_MNIST} or {@link IDX_FILES}.
 * @param files - The four files (more are ignored).
 * @param onProgress - Receives a `source` event, then one `file` event per file.
 * @returns The dataset, its source `{ kind: 'files', location: <the names> }`.
 * @throws {@link DatasetNotFoundError} when a role has no file or several;
 *   {@link IdxFormatError}, {@link DatasetMismatchError} or {@link ChecksumError} for bad files.
 * @example
 * ```ts
 * const picked = await Promise.all([...input.files].map(async (file) => ({
 *   name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
 * const dataset = await datasetFromFiles(FASHION_MNIST, picked);
 * ```
 */
export function datasetFromFiles(
  descriptor: DatasetDescriptor,
  files: readonly InMemoryFile[],
  onProgress?: (event: DatasetProgressEvent) => void,
): Promise<Dataset> {
  const byName = new Map(files.map((file) => [file.name, file]));
  const { chosen, ambiguous } =
    descriptor.anyFileNames === true
      ? sortIntoRoles([...byName.keys()])
      : { chosen: {}, ambiguous: {} };
  const picked = Object.fromEntries(
    datasetFileRoles.map((role) => {
      const official = fileNameCandidates(descriptor.files[role].name).find((name) =>
        byName.has(name),
      );
      return [role, byName.get(official ?? chosen[role] ?? '')];
    }),
  );
  const missing = datasetFileRoles.filter((role) => picked[role] === undefined);
  if (missing.length > 0)
    return Promise.reject(
      new DatasetNotFoundError(
        descriptor.title,
        [
          {
            kind: 'files',
            location: files.map((file) => file.name).join(', ') || '(no files)',
            missing: missing.map((role) =>
              ambiguous[role] !== undefined
                ? `one of ${ambiguous[role].join(', ')}`
                : `${descriptor.files[role].name}(.gz)`,
            ),
          },
        ],
        'Pick the four files: training images and labels, test images and labels.',
      ),
    );
  return buildDataset(
    descriptor,
    { kind: 'files', location: files.map((file) => file.name).join(', ') },
    (role) => {
      const file = picked[role]!;
      return Promise.resolve({ role, path: file.name, bytes: file.bytes });
    },
    onProgress,
  );
}
