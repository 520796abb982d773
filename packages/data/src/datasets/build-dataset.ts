import { ChecksumError } from '../errors/checksum-error.js';
import { DatasetMismatchError } from '../errors/dataset-mismatch-error.js';
import { assembleDataset } from './assemble-dataset.js';
import { decodeDatasetFile } from './decode-dataset-file.js';
import type { DatasetFileBytes, DecodedDatasetFile } from './decode-dataset-file.js';
import { datasetFileRoles } from './dataset-types.js';
import type {
  DataSource,
  Dataset,
  DatasetDescriptor,
  DatasetFileRole,
  DatasetProgressEvent,
} from './dataset-types.js';
import { KNOWN_DATASETS } from './known-datasets.js';

/** What the role of a file is called in messages. */
const roleNames: Readonly<Record<DatasetFileRole, string>> = {
  trainImages: 'training images',
  trainLabels: 'training labels',
  testImages: 'test images',
  testLabels: 'test labels',
};

/**
 * Reads and decodes a dataset's four files one after the other (so only one compressed file
 * is in memory at a time), checks that they make a dataset, then that each matches its
 * recorded checksums.
 *
 * Structure comes before checksums, so a truncated file, a wrong magic number or counts that
 * disagree are reported as such. A file whose checksum is another known data set's (MNIST's
 * files given as Fashion-MNIST) is a {@link DatasetMismatchError} that names the data set
 * it belongs to, not a damaged file.
 *
 * @param descriptor - The dataset.
 * @param source - Where the files come from.
 * @param readFile - Returns the stored bytes of one file.
 * @param onProgress - Receives a `source` event, then one `file` event per file.
 * @returns The dataset.
 * @throws Whatever `readFile` throws, {@link IdxFormatError}, {@link DatasetMismatchError}
 *   or {@link ChecksumError}.
 */
export async function buildDataset(
  descriptor: DatasetDescriptor,
  source: DataSource,
  readFile: (role: DatasetFileRole) => Promise<DatasetFileBytes>,
  onProgress?: (event: DatasetProgressEvent) => void,
): Promise<Dataset> {
  onProgress?.({ type: 'source', source });
  const decoded: Partial<Record<DatasetFileRole, DecodedDatasetFile>> = {};
  for (const role of datasetFileRoles) {
    const result = await decodeDatasetFile(descriptor.files[role], await readFile(role));
    onProgress?.({ type: 'file', file: result.file });
    decoded[role] = result;
  }
  const files = decoded as Record<DatasetFileRole, DecodedDatasetFile>;
  const dataset = assembleDataset(descriptor, files, source);
  for (const role of datasetFileRoles) {
    if (files[role].checksums.result === 'mismatch')
      throw checksumFailure(descriptor, files[role], source);
  }
  return dataset;
}

/** The error for a file that matched none of its checksums: another data set's, or damaged. */
function checksumFailure(
  descriptor: DatasetDescriptor,
  decoded: DecodedDatasetFile,
  source: DataSource,
): Error {
  const { file, checksums } = decoded;
  const owner = KNOWN_DATASETS.find((other) => {
    const recorded = other.files[file.role].sha256;
    return (
      other !== descriptor &&
      (recorded?.raw === file.contentSha256 || recorded?.gzip === file.sha256)
    );
  });
  if (owner !== undefined)
    return new DatasetMismatchError({
      problem: 'other-dataset',
      file: file.path,
      byteOffset: undefined,
      expected: descriptor.name,
      actual: owner.name,
      message: `holds ${owner.title}'s ${roleNames[file.role]}, not ${descriptor.title}'s: load the files as ${owner.title}, or put ${descriptor.title}'s there.`,
    });
  const fetched = source.kind === 'cache' || source.kind === 'download';
  return new ChecksumError({
    file: file.path,
    expected: checksums.expected.join(' or '),
    actual: checksums.actual,
    byteLength: file.bytes,
    algorithm: checksums.algorithm,
    advice: fetched
      ? `The copy lenet fetched is damaged: delete it and load again to fetch a fresh one.`
      : `It is well-formed IDX but not the published ${descriptor.title} file: damaged, or another copy or data set. To use it anyway, load it as plain IDX files (idx), unverified.`,
  });
}
