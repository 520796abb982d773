import { gzipSync } from 'node:zlib';
import type { InMemoryFile } from '@lenet/data';
import { seededRandom } from '../test-support/seeded-random.js';

/** The bytes of an IDX file of uint8 values: magic `00 00 08 rank`, big-endian dimensions, the values. */
export function idxFile(shape: readonly number[], values: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * shape.length + values.length);
  const view = new DataView(bytes.buffer);
  view.setUint8(2, 0x08);
  view.setUint8(3, shape.length);
  shape.forEach((size, axis) => {
    view.setUint32(4 + 4 * axis, size);
  });
  bytes.set(values, 4 + 4 * shape.length);
  return bytes;
}

/** The shape of a {@link barDatasetFiles} data set. */
export interface BarDatasetShape {
  readonly classes: number;
  readonly height: number;
  readonly width: number;
  readonly trainCount: number;
  readonly testCount: number;
}

/** `count` images of a bright horizontal bar whose row tells the class (label = index mod classes), on seeded noise. */
function barImages(count: number, shape: BarDatasetShape, seed: number) {
  const { classes, height, width } = shape;
  const random = seededRandom(seed);
  const images = new Uint8Array(count * height * width);
  const labels = Uint8Array.from({ length: count }, (_, image) => image % classes);
  const half = Math.max(0, Math.floor(height / classes / 2) - 1);
  labels.forEach((label, image) => {
    const row = Math.floor(((label + 0.5) * height) / classes);
    for (let y = 0; y < height; y += 1)
      for (let x = 0; x < width; x += 1)
        images[(image * height + y) * width + x] =
          Math.abs(y - row) <= half ? 200 + Math.floor(random() * 55) : Math.floor(random() * 30);
  });
  return { images, labels };
}

/** Files as a file input gives them, from names and bytes (copied). */
export function pickedFiles(files: readonly InMemoryFile[]): File[] {
  return files.map((file) => new File([new Uint8Array(file.bytes)], file.name));
}

/**
 * The four gzipped IDX files of a small learnable data set that no descriptor knows, named
 * `bars-train-images-idx3-ubyte.gz` and so on (names with the usual parts, as plain `idx`
 * files may have).
 */
export function barDatasetFiles(shape: BarDatasetShape): InMemoryFile[] {
  const { height, width } = shape;
  const train = barImages(shape.trainCount, shape, 1);
  const test = barImages(shape.testCount, shape, 2);
  const file = (name: string, bytes: Uint8Array) => ({
    name: `bars-${name}.gz`,
    bytes: new Uint8Array(gzipSync(bytes)),
  });
  return [
    file('train-images-idx3-ubyte', idxFile([shape.trainCount, height, width], train.images)),
    file('train-labels-idx1-ubyte', idxFile([shape.trainCount], train.labels)),
    file('test-images-idx3-ubyte', idxFile([shape.testCount, height, width], test.images)),
    file('test-labels-idx1-ubyte', idxFile([shape.testCount], test.labels)),
  ];
}
