// @lenet/data from its npm tarball under plain Node ESM: MNIST from a folder, checked
// against the official sha256, and the paper's preprocessing. Prints one JSON line.
/* global console, process */
import * as tf from '@tensorflow/tfjs';
import {
  batches,
  createRandom,
  imagesToTensor,
  loadMnist,
  padImages,
  paperScale,
} from '@lenet/data';

const folder = process.env.LENET_TEST_MNIST_DIR;
if (!folder)
  throw new Error('LENET_TEST_MNIST_DIR is not set: point it at the four MNIST .gz files.');

const mnist = await loadMnist({ folder, source: 'folder' });
const padded = padImages(mnist.test);
const scaled = paperScale(padded.images);
const [first] = batches(mnist.train, { batchSize: 128, random: createRandom(1) });
const tensor = imagesToTensor({
  ...padded,
  images: padded.images.subarray(0, 4 * 32 * 32),
  count: 4,
});

console.log(
  JSON.stringify({
    source: mnist.source.kind,
    trainCount: mnist.train.count,
    testCount: mnist.test.count,
    firstTrainLabels: [...mnist.train.labels.subarray(0, 8)],
    files: mnist.files.map((file) => ({ role: file.role, verified: file.verified })),
    paddedSize: [padded.height, padded.width],
    scaledRange: [Math.min(...scaled.subarray(0, 4096)), Math.max(...scaled.subarray(0, 4096))],
    firstBatch: first?.count,
    tensorShape: tensor.shape,
    backend: tf.getBackend(),
  }),
);
