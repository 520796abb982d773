// The named data sets on real files: Fashion-MNIST verified and named, MNIST's files given as
// another data set told apart from a damaged file, and plain IDX files found by their names.
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FASHION_MNIST } from '../datasets/fashion-mnist.js';
import { IDX_FILES } from '../datasets/idx-files.js';
import { KMNIST } from '../datasets/kmnist.js';
import { KNOWN_DATASETS, datasetNamed } from '../datasets/known-datasets.js';
import { ChecksumError } from '../errors/checksum-error.js';
import { DatasetMismatchError } from '../errors/dataset-mismatch-error.js';
import { DatasetNotFoundError } from '../errors/dataset-not-found-error.js';
import { IdxFormatError } from '../errors/idx-format-error.js';
import { gzip, idxBytes } from '../test-support/idx-bytes.js';
import {
  fashionMnistTestDirectory,
  histogram,
  mnistTestDirectory,
} from '../test-support/mnist-directory.js';
import { loadDataset } from './load-dataset.js';

const mnistFolder = mnistTestDirectory();
const fashionFolder = fashionMnistTestDirectory();
const names = [
  'train-images-idx3-ubyte.gz',
  'train-labels-idx1-ubyte.gz',
  't10k-images-idx3-ubyte.gz',
  't10k-labels-idx1-ubyte.gz',
];
let scratch = '';

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lenet-known-datasets-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected the load to fail'),
    (error: unknown) => error,
  );
}

describe('Fashion-MNIST', () => {
  it('loads verified, 6,000 and 1,000 of each class, with the class names', async () => {
    const dataset = await loadDataset(FASHION_MNIST, { folder: fashionFolder });
    expect(dataset.files.map((file) => file.verified)).toEqual([true, true, true, true]);
    expect([dataset.train.count, dataset.test.count, dataset.classes]).toEqual([60000, 10000, 10]);
    expect(histogram(dataset.train.labels)).toEqual(new Array<number>(10).fill(6000));
    expect(histogram(dataset.test.labels)).toEqual(new Array<number>(10).fill(1000));
    expect(dataset.classNames[dataset.test.labels[0]!]).toBe('Ankle boot');
  });

  it("tells MNIST's files given as Fashion-MNIST apart from a damaged file", async () => {
    const error = await failure(loadDataset(FASHION_MNIST, { folder: mnistFolder }));
    expect(error).toBeInstanceOf(DatasetMismatchError);
    expect(error).toMatchObject({
      problem: 'other-dataset',
      expected: 'fashion-mnist',
      actual: 'mnist',
    });
    expect((error as Error).message).toContain(
      "holds MNIST's training images, not Fashion-MNIST's",
    );
  });

  it("and Fashion-MNIST's files given as MNIST", async () => {
    const error = await failure(loadDataset(datasetNamed('mnist'), { folder: fashionFolder }));
    expect(error).toMatchObject({
      problem: 'other-dataset',
      expected: 'mnist',
      actual: 'fashion-mnist',
    });
  });

  it('reports a truncated copy as truncated (how many bytes are missing), not as a checksum', async () => {
    const folder = join(scratch, 'truncated');
    await mkdir(folder);
    for (const name of names) await copyFile(join(fashionFolder, name), join(folder, name));
    const { gunzipSync } = await import('node:zlib');
    const { readFile } = await import('node:fs/promises');
    const raw = gunzipSync(await readFile(join(fashionFolder, names[0]!)));
    await writeFile(join(folder, names[0]!), gzip(raw.subarray(0, raw.length - 1000)));
    const error = await failure(loadDataset(FASHION_MNIST, { folder }));
    expect(error).toBeInstanceOf(IdxFormatError);
    expect(error).toMatchObject({ problem: 'length' });
    expect((error as Error).message).not.toMatch(/checksum|sha256/);
    expect((error as Error).message).toContain('1,000 bytes are missing');
  });

  it('a well-formed file that matches no known set is a ChecksumError that says how to load it unverified', async () => {
    const folder = join(scratch, 'altered');
    await mkdir(folder);
    for (const name of names.slice(1)) await symlink(join(fashionFolder, name), join(folder, name));
    const { gunzipSync } = await import('node:zlib');
    const { readFile } = await import('node:fs/promises');
    const raw = gunzipSync(await readFile(join(fashionFolder, names[0]!)));
    raw[5000] = (raw[5000]! + 1) % 256;
    await writeFile(join(folder, names[0]!), gzip(raw));
    const error = await failure(loadDataset(FASHION_MNIST, { folder }));
    expect(error).toBeInstanceOf(ChecksumError);
    expect((error as Error).message).not.toContain('delete');
    expect((error as Error).message).toContain('plain IDX files (idx)');
    // The same files load as plain IDX files, unverified.
    const plain = await loadDataset(IDX_FILES, { folder });
    expect(plain.files.every((file) => !file.verified)).toBe(true);
    expect(plain.classes).toBe(10);
  });
});

describe('KMNIST', () => {
  it("names Fashion-MNIST's files given as KMNIST", async () => {
    const error = await failure(loadDataset(KMNIST, { folder: fashionFolder }));
    expect(error).toMatchObject({ problem: 'other-dataset', actual: 'fashion-mnist' });
  });

  it('checks .gz files against the MD5s recorded for them', async () => {
    const folder = join(scratch, 'kmnist-like');
    await mkdir(folder);
    const images = (count: number) =>
      gzip(idxBytes(0x08, [count, 28, 28], new Array<number>(count * 784).fill(3)));
    const labels = (count: number) =>
      gzip(idxBytes(0x08, [count], new Array<number>(count).fill(1)));
    await writeFile(join(folder, names[0]!), images(3));
    await writeFile(join(folder, names[1]!), labels(3));
    await writeFile(join(folder, names[2]!), images(2));
    await writeFile(join(folder, names[3]!), labels(2));
    const error = await failure(loadDataset(KMNIST, { folder }));
    expect(error).toBeInstanceOf(ChecksumError);
    expect(error).toMatchObject({
      algorithm: 'md5',
      expected: `md5 (.gz) ${KMNIST.files.trainImages.sha256?.gzipMd5 ?? ''}`,
    });
  });
});

describe('plain IDX files', () => {
  it('finds four files by the parts of their names, takes any size and the classes from the labels', async () => {
    const folder = join(scratch, 'letters');
    await mkdir(folder);
    const images = (count: number) =>
      gzip(
        idxBytes(
          0x08,
          [count, 16, 12],
          Array.from({ length: count * 192 }, (_, i) => i % 256),
        ),
      );
    const labels = (values: number[]) => idxBytes(0x08, [values.length], values);
    await writeFile(join(folder, 'letters-train-images-idx3-ubyte.gz'), images(5));
    await writeFile(join(folder, 'letters-train-labels-idx1-ubyte'), labels([0, 1, 2, 1, 0]));
    await writeFile(join(folder, 'letters-test-images-idx3-ubyte.gz'), images(2));
    await writeFile(join(folder, 'letters-test-labels-idx1-ubyte'), labels([2, 2]));
    await writeFile(join(folder, 'README.txt'), 'not a data file');
    const dataset = await loadDataset(IDX_FILES, { folder });
    expect(dataset).toMatchObject({ classes: 3, train: { count: 5, height: 16, width: 12 } });
    expect(dataset.files.map((file) => file.verified)).toEqual([false, false, false, false]);
  });

  it('names the role it cannot tell apart when two files could be it', async () => {
    const folder = join(scratch, 'two');
    await mkdir(folder);
    const labels = idxBytes(0x08, [1], [0]);
    for (const name of ['a-train-labels-idx1-ubyte', 'b-train-labels-idx1-ubyte'])
      await writeFile(join(folder, name), labels);
    const error = await failure(loadDataset(IDX_FILES, { folder }));
    expect(error).toBeInstanceOf(DatasetNotFoundError);
    expect((error as Error).message).toContain(
      'several match: a-train-labels-idx1-ubyte, b-train-labels-idx1-ubyte',
    );
  });
});

describe('datasetNamed', () => {
  it('finds every known data set by name and refuses others with the list', () => {
    for (const descriptor of KNOWN_DATASETS) expect(datasetNamed(descriptor.name)).toBe(descriptor);
    expect(() => datasetNamed('cifar')).toThrow(
      'No data set is named cifar: lenet knows mnist, fashion-mnist, kmnist, emnist-digits, idx',
    );
  });
});
