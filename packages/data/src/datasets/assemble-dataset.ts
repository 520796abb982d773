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
 * A descriptor with `height`/`width` 0 takes the images' size from the training file (the
 * test file must have the same); with `classes` 0 the class count is the largest label + 1.
 * Images stored column by column (`pixelOrder: 'columns'`) are returned row by row.
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
  const sized = {
    ...descriptor,
    height: descriptor.height || (decoded.trainImages.idx.shape[1] ?? 0),
    width: descriptor.width || (decoded.trainImages.idx.shape[2] ?? 0),
  };
  const train = makeSplit(sized, decoded.trainImages, decoded.trainLabels);
  const test = makeSplit(sized, decoded.testImages, decoded.testLabels);
  const classes = descriptor.classes || Math.max(largest(train.labels), largest(test.labels)) + 1;
  return {
    train,
    test,
    source,
    classes,
    classNames:
      descriptor.classNames ?? Array.from({ length: classes }, (_, label) => String(label)),
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
  const outOfRange = classes === 0 ? -1 : labelData.findIndex((label) => label >= classes);
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
  const rows =
    descriptor.pixelOrder === 'columns'
      ? transposeImages(imageData, count, height, width)
      : imageData;
  return { images: rows, labels: labelData, count, height, width };
}

/** Images stored column by column (`[count, width, height]` in memory) as rows. */
function transposeImages(
  images: Uint8Array,
  count: number,
  height: number,
  width: number,
): Uint8Array {
  const rows = new Uint8Array(images.length);
  const area = height * width;
  for (let image = 0; image < count; image += 1) {
    const base = image * area;
    for (let column = 0; column < width; column += 1)
      for (let row = 0; row < height; row += 1)
        rows[base + row * width + column] = images[base + column * height + row]!;
  }
  return rows;
}

/** The largest label (0 for none). */
function largest(labels: ArrayLike<number>): number {
  let most = 0;
  for (let index = 0; index < labels.length; index += 1) most = Math.max(most, labels[index]!);
  return most;
}

/** Returns the file's bytes when it is uint8 with the given shape (NaN = any size). */
function requireBytes(decoded: DecodedDatasetFile, shape: readonly number[]): Uint8Array {
  const { idx, file } = decoded;
  const fits =
    idx.shape.length === shape.length &&
    shape.every((size, axis) => Number.isNaN(size) || idx.shape[axis] === size);
  if (idx.dtype !== 'uint8' || !fits) {
    const wanted = `uint8 [${shape.map((size) => (Number.isNaN(size) || size === 0 ? 'n' : size)).join(', ')}]`;
    const found = `${idx.dtype} [${idx.shape.join(', ')}]`;
    const kind = file.role.endsWith('Images') ? 'image' : 'label';
    if (idx.shape.length !== shape.length) {
      const rank = idx.shape.length.toString(16).padStart(2, '0');
      const magic = idx.dtype === 'uint8' ? `magic 0x000008${rank}` : `a ${idx.dtype} file`;
      throw new DatasetMismatchError({
        problem: 'shape',
        file: file.path,
        byteOffset: 0,
        expected: wanted,
        actual: found,
        message: `${magic} is not an IDX ${kind} file (${kind === 'image' ? 'images are' : 'labels are'} ${wanted}, this holds ${found}). Check that each of the four files is in its place (images for images, labels for labels).`,
      });
    }
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
