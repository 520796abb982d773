import { gzipSync } from 'node:zlib';

const sizes: Record<number, number> = { 0x08: 1, 0x09: 1, 0x0b: 2, 0x0c: 4, 0x0d: 4, 0x0e: 8 };

/**
 * Builds an IDX file by hand: magic `00 00 type rank`, big-endian dimensions, then the values
 * big-endian. Used to make tiny valid and broken fixtures inside tests.
 */
export function idxBytes(
  typeCode: number,
  shape: readonly number[],
  values: readonly number[],
): Uint8Array {
  const size = sizes[typeCode] ?? 1;
  const header = 4 + 4 * shape.length;
  const bytes = new Uint8Array(header + values.length * size);
  const view = new DataView(bytes.buffer);
  view.setUint8(2, typeCode);
  view.setUint8(3, shape.length);
  shape.forEach((dimension, axis) => {
    view.setUint32(4 + 4 * axis, dimension);
  });
  values.forEach((value, index) => {
    const offset = header + index * size;
    if (typeCode === 0x08) view.setUint8(offset, value);
    else if (typeCode === 0x09) view.setInt8(offset, value);
    else if (typeCode === 0x0b) view.setInt16(offset, value);
    else if (typeCode === 0x0c) view.setInt32(offset, value);
    else if (typeCode === 0x0d) view.setFloat32(offset, value);
    else view.setFloat64(offset, value);
  });
  return bytes;
}

/** Gzips bytes with Node's zlib (a second implementation to check ours against). */
export function gzip(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(bytes));
}

/** A tiny dataset in MNIST's layout: `count` images of 2x3 pixels and their labels. */
export function tinyDatasetFiles(
  trainCount = 3,
  testCount = 2,
): Record<'trainImages' | 'trainLabels' | 'testImages' | 'testLabels', Uint8Array> {
  const images = (count: number) =>
    idxBytes(
      0x08,
      [count, 2, 3],
      Array.from({ length: count * 6 }, (_, index) => (index * 37) % 256),
    );
  const labels = (count: number) =>
    idxBytes(
      0x08,
      [count],
      Array.from({ length: count }, (_, index) => index % 10),
    );
  return {
    trainImages: images(trainCount),
    trainLabels: labels(trainCount),
    testImages: images(testCount),
    testLabels: labels(testCount),
  };
}
