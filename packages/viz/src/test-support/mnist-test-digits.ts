import { join } from 'node:path';
import { readIdxFile } from '@lenet/data';

/** The first `count` MNIST test images (bytes, 28x28 each) and labels, from `LENET_TEST_MNIST_DIR`. */
export async function mnistTestDigits(
  count: number,
): Promise<{ images: Uint8Array[]; labels: number[] }> {
  const folder = process.env['LENET_TEST_MNIST_DIR'];
  if (folder === undefined || folder === '')
    throw new Error(
      'LENET_TEST_MNIST_DIR is not set: point it at the four official MNIST .gz files.',
    );
  const images = await readIdxFile(join(folder, 't10k-images-idx3-ubyte.gz'));
  const labels = await readIdxFile(join(folder, 't10k-labels-idx1-ubyte.gz'));
  return {
    images: Array.from({ length: count }, (_, index) =>
      Uint8Array.from(
        Array.prototype.slice.call(images.data, index * 784, (index + 1) * 784) as number[],
      ),
    ),
    labels: Array.from({ length: count }, (_, index) => Number(labels.data[index])),
  };
}
