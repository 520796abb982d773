import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The folder holding the four official MNIST `.gz` files, from `LENET_TEST_MNIST_DIR`.
 * Throws (so the test fails loudly) when the variable is missing or the folder is empty.
 */
export function mnistTestDirectory(): string {
  const folder = process.env['LENET_TEST_MNIST_DIR'];
  if (folder === undefined || folder === '') {
    throw new Error(
      'LENET_TEST_MNIST_DIR is not set. Point it at a folder holding the four official MNIST .gz files.',
    );
  }
  if (!existsSync(join(folder, 'train-images-idx3-ubyte.gz'))) {
    throw new Error(`LENET_TEST_MNIST_DIR=${folder} does not hold train-images-idx3-ubyte.gz.`);
  }
  return folder;
}

/** The label histograms of the MNIST README (checked there): count of each digit 0..9. */
export const mnistLabelHistograms = {
  train: [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949],
  test: [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009],
};

/** The official sha256s of the four `.gz` files, as listed in the MNIST README. */
export const mnistGzipSha256 = [
  '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609',
  '3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c',
  '8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6',
  'f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6',
];

/** Counts how often each value 0..classes-1 occurs. */
export function histogram(labels: Uint8Array, classes = 10): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of labels) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

/**
 * The folder holding the four Fashion-MNIST `.gz` files, from `LENET_TEST_FASHION_MNIST_DIR`
 * (CI installs Debian's dataset-fashion-mnist: /usr/share/datasets/fashion-mnist). Throws
 * (so the test fails loudly) when the variable is missing or the folder is empty.
 */
export function fashionMnistTestDirectory(): string {
  const folder = process.env['LENET_TEST_FASHION_MNIST_DIR'];
  if (folder === undefined || folder === '') {
    throw new Error(
      'LENET_TEST_FASHION_MNIST_DIR is not set. Point it at a folder holding the four Fashion-MNIST .gz files (Debian: apt-get install dataset-fashion-mnist, then /usr/share/datasets/fashion-mnist).',
    );
  }
  if (!existsSync(join(folder, 'train-images-idx3-ubyte.gz'))) {
    throw new Error(
      `LENET_TEST_FASHION_MNIST_DIR=${folder} does not hold train-images-idx3-ubyte.gz.`,
    );
  }
  return folder;
}
