import { describe, expect, it } from 'vitest';
import { ChecksumError } from '../errors/checksum-error.js';
import { DatasetMismatchError } from '../errors/dataset-mismatch-error.js';
import { IdxFormatError } from '../errors/idx-format-error.js';
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
      expected: '0'.repeat(64),
      actual: await sha256(files.trainLabels),
      byteLength: files.trainLabels.length,
    });
    expect(error.message).toContain('delete it and load again');
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
