import { describe, expect, it } from 'vitest';
import { DatasetNotFoundError } from '../errors/dataset-not-found-error.js';
import { gzip, tinyDatasetFiles } from '../test-support/idx-bytes.js';
import { datasetFromFiles } from './dataset-from-files.js';
import type { DatasetDescriptor } from './dataset-types.js';
import { IDX_FILES } from './idx-files.js';
import { MNIST_FILE_NAMES } from './mnist.js';

const tiny: DatasetDescriptor = {
  name: 'tiny',
  title: 'Tiny',
  classes: 10,
  height: 2,
  width: 3,
  files: MNIST_FILE_NAMES,
  mirrors: [],
};

describe('datasetFromFiles', () => {
  it("takes four files in memory by the descriptor's names, gz or raw, dotted or not", async () => {
    const files = tinyDatasetFiles(3, 2);
    const dataset = await datasetFromFiles(tiny, [
      { name: 'train-images-idx3-ubyte.gz', bytes: gzip(files.trainImages) },
      { name: 'train-labels.idx1-ubyte', bytes: files.trainLabels },
      { name: 't10k-images-idx3-ubyte', bytes: files.testImages },
      { name: 't10k-labels-idx1-ubyte.gz', bytes: gzip(files.testLabels) },
      { name: 'notes.txt', bytes: new Uint8Array([1]) },
    ]);
    expect(dataset.source).toMatchObject({ kind: 'files' });
    expect([dataset.train.count, dataset.test.count]).toEqual([3, 2]);
    expect(dataset.files.map((file) => file.path)).toEqual([
      'train-images-idx3-ubyte.gz',
      'train-labels.idx1-ubyte',
      't10k-images-idx3-ubyte',
      't10k-labels-idx1-ubyte.gz',
    ]);
  });

  it('finds plain IDX files by the parts of their names', async () => {
    const files = tinyDatasetFiles(3, 2);
    const dataset = await datasetFromFiles(IDX_FILES, [
      { name: 'my-test-labels-idx1-ubyte', bytes: files.testLabels },
      { name: 'my-train-images-idx3-ubyte', bytes: files.trainImages },
      { name: 'my-test-images-idx3-ubyte', bytes: files.testImages },
      { name: 'my-train-labels-idx1-ubyte', bytes: files.trainLabels },
    ]);
    expect(dataset).toMatchObject({ classes: 3, train: { height: 2, width: 3 } });
  });

  it('names the files it misses', async () => {
    const files = tinyDatasetFiles(3, 2);
    const error: unknown = await datasetFromFiles(tiny, [
      { name: 'train-images-idx3-ubyte', bytes: files.trainImages },
    ]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatasetNotFoundError);
    expect((error as Error).message).toContain(
      'missing train-labels-idx1-ubyte(.gz), t10k-images-idx3-ubyte(.gz), t10k-labels-idx1-ubyte(.gz)',
    );
  });
});
