import type { DatasetDescriptor } from './dataset-types.js';
import { DIGIT_CLASS_NAMES } from './mnist.js';

/**
 * EMNIST Digits (Cohen, Afshar, Tapson and van Schaik, 2017): 28x28 handwritten digits
 * converted from NIST Special Database 19 the way MNIST was made, 240,000 for training and
 * 40,000 for testing. The four `emnist-digits-*.gz` files come inside the `gzip.zip` archive
 * of the EMNIST site (not downloaded here: unzip it and pass the folder). EMNIST stores each
 * image column by column; the loader returns rows, as for MNIST.
 *
 * @example
 * ```ts
 * const digits = await loadDataset(EMNIST_DIGITS, { folder: 'data/emnist/gzip' });
 * console.log(digits.train.count); // 240000
 * ```
 */
export const EMNIST_DIGITS: DatasetDescriptor = {
  name: 'emnist-digits',
  title: 'EMNIST Digits',
  classes: 10,
  classNames: DIGIT_CLASS_NAMES,
  height: 28,
  width: 28,
  pixelOrder: 'columns',
  pictures: 'digit',
  checksumSource:
    'sha256s of the .gz files inside the EMNIST gzip.zip, as listed by the public loader mnists (which lists MNIST’s official sha256s too)',
  files: {
    trainImages: {
      name: 'emnist-digits-train-images-idx3-ubyte',
      sha256: { gzip: 'f7c95004d14d81af89522e67d8f0c781dfb3bd544181c81bfe1eb6b41c35b726' },
    },
    trainLabels: {
      name: 'emnist-digits-train-labels-idx1-ubyte',
      sha256: { gzip: '6638a6ff5fe2eefd9cca2471995b46c82986b8e4b2a70d2f5ce8e05d7edb319e' },
    },
    testImages: {
      name: 'emnist-digits-test-images-idx3-ubyte',
      sha256: { gzip: '20ebe43509264f7639d37c835a3f0b009e90b29e00a099a03101abe1644a3f63' },
    },
    testLabels: {
      name: 'emnist-digits-test-labels-idx1-ubyte',
      sha256: { gzip: 'bad1834c45d5988e270b99d43b13edc3fd898f658ffbc2caf2846ef27f7b05b0' },
    },
  },
  mirrors: [],
};
