import type { DatasetDescriptor } from './dataset-types.js';
import { MNIST_FILE_NAMES } from './mnist.js';

/**
 * Any four IDX files: uint8 images of one size (any), uint8 labels, the class count taken
 * from the labels (the largest + 1), and nothing verified. In a folder the files are found by
 * MNIST's names or, failing those, by the usual parts of their names (`train`/`t10k`/`test`,
 * `images`/`labels` or `idx3`/`idx1`), such as `emnist-letters-train-images-idx3-ubyte.gz`.
 *
 * @example
 * ```ts
 * const mine = await loadDataset(IDX_FILES, { folder: 'data/my-idx' });
 * console.log(mine.classes, mine.train.height, mine.train.width);
 * ```
 */
export const IDX_FILES: DatasetDescriptor = {
  name: 'idx',
  title: 'IDX files',
  classes: 0,
  height: 0,
  width: 0,
  anyFileNames: true,
  files: MNIST_FILE_NAMES,
  mirrors: [],
};
