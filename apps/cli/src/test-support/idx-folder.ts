import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The bytes of an IDX file of uint8 values with the given shape. */
export function idxFile(shape: readonly number[], values: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + 4 * shape.length);
  header.writeUInt8(0x08, 2);
  header.writeUInt8(shape.length, 3);
  shape.forEach((size, axis) => header.writeUInt32BE(size, 4 + 4 * axis));
  return Buffer.concat([header, values]);
}

/** One split of a data set made by a test: `count` images of `height x width` and their labels. */
export interface MadeSplit {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

/**
 * Writes four gzipped IDX files in MNIST's names into `folder` (created), for tests that need
 * a data set of their own: other image sizes, other class counts.
 */
export function writeIdxFolder(
  folder: string,
  height: number,
  width: number,
  train: MadeSplit,
  test: MadeSplit,
): string {
  mkdirSync(folder, { recursive: true });
  const write = (name: string, bytes: Buffer) => {
    writeFileSync(join(folder, name), gzipSync(bytes));
  };
  write('train-images-idx3-ubyte.gz', idxFile([train.count, height, width], train.images));
  write('train-labels-idx1-ubyte.gz', idxFile([train.count], train.labels));
  write('t10k-images-idx3-ubyte.gz', idxFile([test.count, height, width], test.images));
  write('t10k-labels-idx1-ubyte.gz', idxFile([test.count], test.labels));
  return folder;
}

/**
 * A learnable data set of `classes` classes: each image is a bright bar whose position tells
 * its class (class k: rows around k's share of the height), with seeded noise.
 */
export function barImages(
  count: number,
  classes: number,
  height: number,
  width: number,
  seed: number,
): MadeSplit {
  let state = seed >>> 0;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const images = new Uint8Array(count * height * width);
  const labels = new Uint8Array(count);
  for (let image = 0; image < count; image += 1) {
    const label = image % classes;
    labels[image] = label;
    const row = Math.floor(((label + 0.5) * height) / classes);
    for (let y = 0; y < height; y += 1)
      for (let x = 0; x < width; x += 1) {
        const onBar = Math.abs(y - row) <= Math.max(0, Math.floor(height / classes / 2) - 1);
        images[image * height * width + y * width + x] = onBar
          ? 200 + Math.floor(random() * 55)
          : Math.floor(random() * 30);
      }
  }
  return { images, labels, count };
}

/** The Fashion-MNIST folder the tests read, from `LENET_TEST_FASHION_MNIST_DIR`; throws when it is not set. */
export function testFashionMnistFolder(): string {
  const folder = process.env.LENET_TEST_FASHION_MNIST_DIR;
  if (folder === undefined || folder === '')
    throw new Error(
      'LENET_TEST_FASHION_MNIST_DIR is not set: point it at a folder with the four Fashion-MNIST .gz files (Debian: apt-get install dataset-fashion-mnist; /usr/share/datasets/fashion-mnist).',
    );
  return folder;
}
