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

/**
 * Reads, checks and decodes a dataset's four files one after the other (so only one
 * compressed file is in memory at a time), then assembles the splits.
 *
 * @param descriptor - The dataset.
 * @param source - Where the files come from.
 * @param readFile - Returns the stored bytes of one file.
 * @param onProgress - Receives a `source` event, then one `file` event per file.
 * @returns The dataset.
 * @throws Whatever `readFile` throws, {@link ChecksumError}, {@link IdxFormatError} or
 *   {@link DatasetMismatchError}.
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
  return assembleDataset(
    descriptor,
    decoded as Record<DatasetFileRole, DecodedDatasetFile>,
    source,
  );
}
