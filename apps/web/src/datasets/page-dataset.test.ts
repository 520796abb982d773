import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DatasetMismatchError,
  DatasetNotFoundError,
  FASHION_MNIST,
  IDX_FILES,
  MNIST,
} from '@lenet/data';
import { describe, expect, it } from 'vitest';
import { barDatasetFiles, pickedFiles } from '../__fixtures__/bar-dataset.js';
import { defaultFolderUrl, describeDataset, loadPageDataset } from './page-dataset.js';

const mnistFolder = process.env.LENET_TEST_MNIST_DIR;
if (mnistFolder === undefined)
  throw new Error('LENET_TEST_MNIST_DIR must name the folder holding the four MNIST .gz files.');

const mnistFileNames = [
  'train-images-idx3-ubyte.gz',
  'train-labels-idx1-ubyte.gz',
  't10k-images-idx3-ubyte.gz',
  't10k-labels-idx1-ubyte.gz',
];

const mnistFiles = () =>
  pickedFiles(
    mnistFileNames.map((name) => ({ name, bytes: readFileSync(join(mnistFolder, name)) })),
  );

describe('loadPageDataset', () => {
  it('reads picked files of 20x20 images as a 3-class data set and fits them into 28x28', async () => {
    const files = pickedFiles(
      barDatasetFiles({ classes: 3, height: 20, width: 20, trainCount: 30, testCount: 9 }),
    );
    const loaded = await loadPageDataset(IDX_FILES, { kind: 'files', files });
    expect(loaded.stored).toEqual({ height: 20, width: 20 });
    expect(loaded.dataset.classes).toBe(3);
    expect(loaded.dataset.classNames).toEqual(['0', '1', '2']);
    const { train, test } = loaded.dataset;
    expect([train.count, train.height, train.width, train.images.length]).toEqual([
      30,
      28,
      28,
      30 * 784,
    ]);
    expect([test.count, test.height, test.width]).toEqual([9, 28, 28]);
    expect(Array.from(train.labels.subarray(0, 4))).toEqual([0, 1, 2, 0]);
    const lines = describeDataset(loaded);
    expect(lines[0]).toBe('IDX files: 30 training and 9 test images, 3 classes (0, 1, 2).');
    expect(lines[1]).toMatch(/^Not verified: no checksum is recorded for bars-train-images/);
    expect(lines[2]).toMatch(/^Its 20x20 images are fitted into 28x28/);
  });

  it("reads MNIST's files picked as MNIST unchanged, verified, with the digits as class names", async () => {
    const loaded = await loadPageDataset(MNIST, { kind: 'files', files: mnistFiles() });
    expect(loaded.dataset.train.count).toBe(60_000);
    expect(loaded.stored).toEqual({ height: 28, width: 28 });
    expect(describeDataset(loaded)).toEqual([
      'MNIST: 60,000 training and 10,000 test images, 10 classes (0, 1, 2, 3, 4, 5, 6, 7, 8, 9).',
      'Its four files match their recorded checksums.',
    ]);
  });

  it("says MNIST's files picked as Fashion-MNIST are MNIST's", async () => {
    const loading = loadPageDataset(FASHION_MNIST, { kind: 'files', files: mnistFiles() });
    const error: unknown = await loading.catch((caught: unknown) => caught);
    expect(DatasetMismatchError.isInstance(error) && error.problem).toBe('other-dataset');
    expect((error as Error).message).toContain(
      "holds MNIST's training images, not Fashion-MNIST's",
    );
  });

  it('names the file missing when only three are picked', async () => {
    const files = mnistFiles().slice(0, 3);
    const error: unknown = await loadPageDataset(MNIST, { kind: 'files', files }).catch(
      (caught: unknown) => caught,
    );
    expect(DatasetNotFoundError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('missing t10k-labels-idx1-ubyte(.gz)');
  });
});

describe('defaultFolderUrl', () => {
  it("is the folder named after the data set beside the page, as the dev server serves MNIST's", () => {
    expect(defaultFolderUrl(MNIST)).toBe('./mnist/');
    expect(defaultFolderUrl(FASHION_MNIST)).toBe('./fashion-mnist/');
  });
});
