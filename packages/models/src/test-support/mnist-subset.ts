import { loadMnist, type DatasetSplit } from '@lenet/data';

/** The first `count` digits of a split, without a copy. */
export function firstDigits(split: DatasetSplit, count: number): DatasetSplit {
  const pixels = split.height * split.width;
  return {
    ...split,
    count,
    images: split.images.subarray(0, count * pixels),
    labels: split.labels.subarray(0, count),
  };
}

/** The first `trainCount` training and `testCount` test digits of the MNIST in `LENET_TEST_MNIST_DIR`. */
export async function loadMnistSubset(
  trainCount: number,
  testCount: number,
): Promise<{ train: DatasetSplit; test: DatasetSplit }> {
  const folder = process.env['LENET_TEST_MNIST_DIR'];
  if (folder === undefined || folder === '')
    throw new Error(
      'LENET_TEST_MNIST_DIR is not set: point it at the folder holding the four MNIST .gz files.',
    );
  const mnist = await loadMnist({ folder, source: 'folder' });
  return { train: firstDigits(mnist.train, trainCount), test: firstDigits(mnist.test, testCount) };
}
