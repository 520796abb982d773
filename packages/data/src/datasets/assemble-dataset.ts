import { DatasetMismatchError } from '../errors/dataset-mismatch-error.js';
import type { DecodedDatasetFile } from './decode-dataset-file.js';
import type {
  DataSource,
  Dataset,
  DatasetDescriptor,
  DatasetFileRole,
  DatasetSplit,
} from './dataset-types.js';

/** Byte offset of the first dimension in an IDX header. */
const dimensionsOffset = 4;

/**
 * Checks that four decoded files make a dataset and joins them into train and test splits.
 *
 * @param descriptor - The dataset's classes and image size.
 * @param decoded - The four decoded files by role.
 * @param source - Where they came from.
 * @returns The dataset.
 * @throws {@link DatasetMismatchError} on a wrong image shape or type, an image/label count
 *   mismatch, or a label outside `0..classes-1`.
 */
export function assembleDataset(
  descriptor: DatasetDescriptor,
  decoded: Readonly<Record<DatasetFileRole, DecodedDatasetFile>>,
  source: DataSource,
): Dataset {
  return {
    train: makeSplit(descriptor, decoded.trainImages, decoded.trainLabels),
    test: makeSplit(descriptor, decoded.testImages, decoded.testLabels),
    source,
    files: [
      decoded.trainImages.file,
      decoded.trainLabels.file,
      decoded.testImages.file,
      decoded.testLabels.file,
    ],
  };
}

function makeSplit(
  descriptor: DatasetDescriptor,
  images: DecodedDatasetFile,
  labels: DecodedDatasetFile,
): DatasetSplit {
  const { height, width, classes } = descriptor;
  const imageData = requireBytes(images, [Number.NaN, height, width]);
  const labelData = requireBytes(labels, [Number.NaN]);
  const count = images.idx.shape[0] ?? 0;
  if (labelData.length !== count) {
    throw new DatasetMismatchError({
      problem: 'count',
      file: labels.file.path,
      byteOffset: dimensionsOffset,
      expected: count,
      actual: labelData.length,
      message: `${images.file.path} holds ${count} images but this file holds ${labelData.length} labels. The two files come from different releases or one is damaged: replace both from the same source.`,
    });
  }
  const outOfRange = labelData.findIndex((label) => label >= classes);
  if (outOfRange >= 0) {
    const label = labelData[outOfRange] ?? 0;
    throw new DatasetMismatchError({
      problem: 'label-range',
      file: labels.file.path,
      byteOffset: dimensionsOffset + 4 + outOfRange,
      expected: `0..${classes - 1}`,
      actual: label,
      message: `label ${outOfRange} is ${label}, outside 0..${classes - 1} for ${descriptor.title}. The file is damaged or belongs to another dataset: replace it.`,
    });
  }
  return { images: imageData, labels: labelData, count, height, width };
}

/** Returns the file's bytes when it is uint8 with the given shape (NaN = any size). */
function requireBytes(decoded: DecodedDatasetFile, shape: readonly number[]): Uint8Array {
  const { idx, file } = decoded;
  const fits =
    idx.shape.length === shape.length &&
    shape.every((size, axis) => Number.isNaN(size) || idx.shape[axis] === size);
  if (idx.dtype !== 'uint8' || !fits) {
    const wanted = `uint8 [${shape.map((size) => (Number.isNaN(size) ? 'n' : size)).join(', ')}]`;
    const found = `${idx.dtype} [${idx.shape.join(', ')}]`;
    throw new DatasetMismatchError({
      problem: 'shape',
      file: file.path,
      byteOffset: dimensionsOffset,
      expected: wanted,
      actual: found,
      message: `expected ${wanted} for ${file.role}, found ${found}. Check that the file is the ${file.role} file of this dataset.`,
    });
  }
  return idx.data as Uint8Array;
}
