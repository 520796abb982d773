import type { DatasetDescriptor } from './dataset-types.js';

/** The four MNIST file names, shared by the drop-in replacements below. */
const mnistFileNames = {
  trainImages: { name: 'train-images-idx3-ubyte' },
  trainLabels: { name: 'train-labels-idx1-ubyte' },
  testImages: { name: 't10k-images-idx3-ubyte' },
  testLabels: { name: 't10k-labels-idx1-ubyte' },
} as const;

/**
 * Fashion-MNIST (Zalando): 28x28 grayscale images of 10 kinds of clothing in MNIST's IDX
 * layout and file names. No checksums are recorded here, so it loads from a `folder` (or
 * `$LENET_DATA_DIR/fashion-mnist`, or the cache) with `verified: false` and is never downloaded.
 *
 * @example
 * ```ts
 * const fashion = await loadDataset(FASHION_MNIST, { folder: 'data/fashion' });
 * ```
 */
export const FASHION_MNIST: DatasetDescriptor = {
  name: 'fashion-mnist',
  title: 'Fashion-MNIST',
  classes: 10,
  height: 28,
  width: 28,
  files: mnistFileNames,
  mirrors: [],
};

/**
 * Kuzushiji-MNIST (KMNIST): 28x28 grayscale cursive Japanese characters, 10 classes, in
 * MNIST's IDX layout and file names. Like {@link FASHION_MNIST}, it loads from a folder
 * with `verified: false` and is never downloaded.
 */
export const KMNIST: DatasetDescriptor = {
  name: 'kmnist',
  title: 'Kuzushiji-MNIST',
  classes: 10,
  height: 28,
  width: 28,
  files: mnistFileNames,
  mirrors: [],
};
