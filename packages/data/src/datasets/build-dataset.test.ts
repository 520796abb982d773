import { describe, expect, it } from 'vitest';
import { ChecksumError } from '../errors/checksum-error.js';
import { DatasetMismatchError } from '../errors/dataset-mismatch-error.js';
import { IdxFormatError } from '../errors/idx-format-error.js';
import { createHash } from 'node:crypto';
import { sha256 } from '../io/sha256.js';
import { gzip, idxBytes, tinyDatasetFiles } from '../test-support/idx-bytes.js';
import { buildDataset } from './build-dataset.js';
import type { DatasetDescriptor, DatasetFileRole, DatasetProgressEvent } from './dataset-types.js';

const tinyDescriptor: DatasetDescriptor = {
  name: 'tiny',
  title: 'Tiny',
  classes: 10,
  height: 2,
  width: 3,
  files: {
    trainImages: { name: 'train-images-idx3-ubyte' },
    trainLabels: { name: 'train-labels-idx1-ubyte' },
    testImages: { name: 't10k-images-idx3-ubyte' },
    testLabels: { name: 't10k-labels-idx1-ubyte' },
  },
  mirrors: [],
};

function build(
  files: Record<DatasetFileRole, Uint8Array>,
  descriptor = tinyDescriptor,
  onProgress?: (event: DatasetProgressEvent) => void,
) {
  return buildDataset(
    descriptor,
    { kind: 'folder', location: 'memory' },
    (role) => Promise.resolve({ role, path: `${role}.idx`, bytes: files[role] }),
    onProgress,
  );
}

async function rejection<T>(
  promise: Promise<unknown>,
  type: new (...args: never[]) => T,
): Promise<T> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error instanceof type) return error;
  throw new Error(`expected ${type.name}, got ${String(error)}`);
}

describe('buildDataset', () => {
  it('joins four files into train and test splits and reports each file', async () => {
    const events: DatasetProgressEvent[] = [];
    const dataset = await build(tinyDatasetFiles(3, 2), tinyDescriptor, (event) =>
      events.push(event),
    );
    expect(dataset.train).toMatchObject({ count: 3, height: 2, width: 3 });
    expect(Array.from(dataset.train.labels)).toEqual([0, 1, 2]);
    expect(Array.from(dataset.test.images.subarray(0, 3))).toEqual([0, 37, 74]);
    expect(dataset.files.map((file) => file.role)).toEqual([
      'trainImages',
      'trainLabels',
      'testImages',
      'testLabels',
    ]);
    expect(dataset.files.every((file) => !file.verified)).toBe(true);
    expect(events.map((event) => event.type)).toEqual(['source', 'file', 'file', 'file', 'file']);
  });

  it('rejects an image/label count mismatch, naming the label file', async () => {
    const files = { ...tinyDatasetFiles(3, 2), trainLabels: idxBytes(0x08, [2], [1, 2]) };
    const error = await rejection(build(files), DatasetMismatchError);
    expect(error).toMatchObject({
      problem: 'count',
      file: 'trainLabels.idx',
      byteOffset: 4,
      expected: 3,
      actual: 2,
    });
    expect(error.message).toContain('replace both');
  });

  it('rejects a label outside 0..classes-1 with its byte offset', async () => {
    const files = { ...tinyDatasetFiles(3, 2), testLabels: idxBytes(0x08, [2], [4, 12]) };
    const error = await rejection(build(files), DatasetMismatchError);
    expect(error).toMatchObject({
      problem: 'label-range',
      file: 'testLabels.idx',
      byteOffset: 9,
      expected: '0..9',
      actual: 12,
    });
  });

  it('rejects images of the wrong size or type', async () => {
    const wrongSize = {
      ...tinyDatasetFiles(3, 2),
      testImages: idxBytes(0x08, [2, 3, 2], new Array<number>(12).fill(0)),
    };
    expect(await rejection(build(wrongSize), DatasetMismatchError)).toMatchObject({
      problem: 'shape',
      expected: 'uint8 [n, 2, 3]',
      actual: 'uint8 [2, 3, 2]',
    });
    const wrongType = {
      ...tinyDatasetFiles(3, 2),
      trainImages: idxBytes(0x0d, [3, 2, 3], new Array<number>(18).fill(0)),
    };
    expect(await rejection(build(wrongType), DatasetMismatchError)).toMatchObject({
      problem: 'shape',
      actual: 'float32 [3, 2, 3]',
    });
  });

  it('rejects a file whose sha256 is not the recorded one', async () => {
    const files = tinyDatasetFiles(3, 2);
    const descriptor: DatasetDescriptor = {
      ...tinyDescriptor,
      files: {
        ...tinyDescriptor.files,
        trainLabels: { name: 'train-labels-idx1-ubyte', sha256: { raw: '0'.repeat(64) } },
      },
    };
    const error = await rejection(build(files, descriptor), ChecksumError);
    expect(error).toMatchObject({
      file: 'trainLabels.idx',
      expected: `sha256 (decompressed) ${'0'.repeat(64)}`,
      actual: `sha256 ${await sha256(files.trainLabels)}`,
      byteLength: files.trainLabels.length,
      algorithm: 'sha256',
    });
    // A folder of the user's own: no advice to delete it, but how to use it unverified.
    expect(error.message).not.toContain('delete');
    expect(error.message).toContain('not the published Tiny file');
    expect(error.message).toContain('plain IDX files');
  });

  it('tells a copy lenet fetched (cache, download) to be fetched again', async () => {
    const files = tinyDatasetFiles(3, 2);
    const descriptor: DatasetDescriptor = {
      ...tinyDescriptor,
      files: {
        ...tinyDescriptor.files,
        testLabels: { name: 'x', sha256: { raw: '1'.repeat(64) } },
      },
    };
    const error = await rejection(
      buildDataset(descriptor, { kind: 'cache', location: 'cache' }, (role) =>
        Promise.resolve({ role, path: `${role}.idx`, bytes: files[role] }),
      ),
      ChecksumError,
    );
    expect(error.message).toContain('delete it and load again');
  });

  it('reports structure before checksums: a truncated file, a wrong magic, counts that disagree', async () => {
    const files = tinyDatasetFiles(3, 2);
    const recorded = async (bytes: Uint8Array) => ({ raw: await sha256(bytes) });
    const descriptor: DatasetDescriptor = {
      ...tinyDescriptor,
      files: {
        trainImages: { name: 'a', sha256: await recorded(files.trainImages) },
        trainLabels: { name: 'b', sha256: await recorded(files.trainLabels) },
        testImages: { name: 'c', sha256: await recorded(files.testImages) },
        testLabels: { name: 'd', sha256: await recorded(files.testLabels) },
      },
    };
    const truncated = { ...files, trainImages: files.trainImages.subarray(0, 20) };
    expect(await rejection(build(truncated, descriptor), IdxFormatError)).toMatchObject({
      problem: 'length',
      file: 'trainImages.idx',
    });
    const magic = files.testLabels.slice();
    magic[2] = 0x42;
    expect(
      await rejection(build({ ...files, testLabels: magic }, descriptor), IdxFormatError),
    ).toMatchObject({ problem: 'type-code' });
    const swapped = { ...files, trainImages: files.trainLabels, trainLabels: files.trainImages };
    const notImages = await rejection(build(swapped, descriptor), DatasetMismatchError);
    expect(notImages.message).toContain('magic 0x00000801 is not an IDX image file');
    const fewerLabels = { ...files, trainLabels: idxBytes(0x08, [2], [0, 1]) };
    expect(await rejection(build(fewerLabels, descriptor), DatasetMismatchError)).toMatchObject({
      problem: 'count',
      expected: 3,
      actual: 2,
    });
  });

  it('verifies a .gz by its published MD5 (Web Crypto has none), and fails a wrong one', async () => {
    const files = tinyDatasetFiles(3, 2);
    const packed = gzip(files.trainImages);
    const published = createHash('md5').update(packed).digest('hex');
    const withMd5 = (gzipMd5: string): DatasetDescriptor => ({
      ...tinyDescriptor,
      files: { ...tinyDescriptor.files, trainImages: { name: 'a', sha256: { gzipMd5 } } },
    });
    const dataset = await build({ ...files, trainImages: packed }, withMd5(published));
    expect(dataset.files.map((file) => file.verified)).toEqual([true, false, false, false]);
    const error = await rejection(
      build({ ...files, trainImages: packed }, withMd5('0'.repeat(32))),
      ChecksumError,
    );
    expect(error).toMatchObject({ algorithm: 'md5', expected: `md5 (.gz) ${'0'.repeat(32)}` });
    // A raw copy cannot be checked against a .gz's MD5: unverified, not a mismatch.
    const raw = await build(files, withMd5('0'.repeat(32)));
    expect(raw.files[0]).toMatchObject({
      verified: false,
      contentSha256: await sha256(files.trainImages),
    });
  });

  it('records the sha256 of the decompressed bytes: a .gz and a raw copy have the same', async () => {
    const files = tinyDatasetFiles(3, 2);
    const packed = await build({ ...files, testImages: gzip(files.testImages) });
    const raw = await build(files);
    expect(packed.files[2]!.sha256).not.toBe(raw.files[2]!.sha256);
    expect(packed.files[2]!.contentSha256).toBe(raw.files[2]!.contentSha256);
    expect(raw.files[2]!.contentSha256).toBe(raw.files[2]!.sha256);
  });

  it('returns images stored column by column (EMNIST) row by row', async () => {
    // The header gives the image's height and width (2 x 3); the pixels come column by column.
    const column = idxBytes(0x08, [1, 2, 3], [1, 2, 3, 4, 5, 6]);
    const files = {
      ...tinyDatasetFiles(1, 1),
      trainImages: column,
      trainLabels: idxBytes(0x08, [1], [4]),
    };
    const dataset = await build(files, { ...tinyDescriptor, pixelOrder: 'columns' });
    expect(Array.from(dataset.train.images)).toEqual([1, 3, 5, 2, 4, 6]);
  });

  it('takes the size and the class count from the files when the descriptor leaves them open', async () => {
    const images = (count: number) =>
      idxBytes(
        0x08,
        [count, 5, 7],
        Array.from({ length: count * 35 }, (_, index) => index % 251),
      );
    const files = {
      trainImages: images(4),
      trainLabels: idxBytes(0x08, [4], [0, 11, 3, 7]),
      testImages: images(2),
      testLabels: idxBytes(0x08, [2], [1, 2]),
    };
    const open: DatasetDescriptor = { ...tinyDescriptor, classes: 0, height: 0, width: 0 };
    const dataset = await build(files, open);
    expect(dataset).toMatchObject({ classes: 12, train: { height: 5, width: 7, count: 4 } });
    expect(dataset.classNames).toEqual(Array.from({ length: 12 }, (_, label) => String(label)));
    const otherTestSize = {
      ...files,
      testImages: idxBytes(0x08, [2, 7, 5], new Array<number>(70).fill(0)),
    };
    expect(await rejection(build(otherTestSize, open), DatasetMismatchError)).toMatchObject({
      problem: 'shape',
      file: 'testImages.idx',
    });
  });

  it('accepts a gzip file that matches either recorded checksum, including one recompressed by someone else', async () => {
    const files = tinyDatasetFiles(3, 2);
    const recompressed = gzip(files.trainImages);
    const descriptor: DatasetDescriptor = {
      ...tinyDescriptor,
      files: {
        ...tinyDescriptor.files,
        trainImages: {
          name: 'train-images-idx3-ubyte',
          sha256: { gzip: 'f'.repeat(64), raw: await sha256(files.trainImages) },
        },
      },
    };
    const dataset = await build({ ...files, trainImages: recompressed }, descriptor);
    expect(dataset.files[0]).toMatchObject({
      verified: true,
      bytes: recompressed.length,
      sha256: await sha256(recompressed),
    });
  });

  it('passes format errors through with the file name', async () => {
    const files = { ...tinyDatasetFiles(3, 2), testImages: new Uint8Array([1, 2, 3, 4, 5]) };
    expect(await rejection(build(files), IdxFormatError)).toMatchObject({
      problem: 'magic',
      file: 'testImages.idx',
    });
  });
});
