import {
  datasetFromFiles,
  fitImages,
  loadDataset,
  type Dataset,
  type DatasetDescriptor,
  type InMemoryFile,
} from '@lenet/data';

/** The side of the images every LeNet of the page reads (MNIST's 28x28). */
export const MODEL_IMAGE_SIDE = 28;

/**
 * Where the page reads a data set's four files from: a URL folder serving the `.gz` files, or
 * files picked in a file input (read in the browser, never uploaded).
 */
export type DatasetFiles =
  | { readonly kind: 'folder'; readonly url: string }
  | { readonly kind: 'files'; readonly files: readonly File[] };

/** A data set loaded by the page, its images fitted to the models' 28x28. */
export interface PageDataset {
  /** The data set chosen. */
  readonly descriptor: DatasetDescriptor;
  /** Its splits, `MODEL_IMAGE_SIDE x MODEL_IMAGE_SIDE` images. */
  readonly dataset: Dataset;
  /** The image size as stored, before any fitting. */
  readonly stored: { readonly height: number; readonly width: number };
}

/**
 * The default URL folder of a data set, next to the page: `./<name>/` (the dev server serves
 * MNIST at `./mnist/`).
 */
export function defaultFolderUrl(descriptor: DatasetDescriptor): string {
  return `./${descriptor.name}/`;
}

/**
 * Loads a data set as @lenet/data checks it (structure, then checksums), from a URL folder
 * (`loadDataset`) or from picked files (`datasetFromFiles`), and fits images of another size
 * into 28x28 (`fitImages`).
 *
 * @param descriptor - The data set chosen.
 * @param files - Where its files are.
 * @throws The loaders' errors (`DatasetNotFoundError`, `DownloadError`, `IdxFormatError`,
 *   `DatasetMismatchError`, `ChecksumError`), whose messages say what is wrong.
 */
export async function loadPageDataset(
  descriptor: DatasetDescriptor,
  files: DatasetFiles,
): Promise<PageDataset> {
  const loaded =
    files.kind === 'folder'
      ? await loadDataset(descriptor, { folder: files.url })
      : await datasetFromFiles(descriptor, await Promise.all(files.files.map(readPicked)));
  const { height, width } = loaded.train;
  return {
    descriptor,
    dataset: {
      ...loaded,
      train: fitImages(loaded.train, MODEL_IMAGE_SIDE),
      test: fitImages(loaded.test, MODEL_IMAGE_SIDE),
    },
    stored: { height, width },
  };
}

async function readPicked(file: File): Promise<InMemoryFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * What the page says of a loaded data set: its size and classes, whether its files were
 * verified, and whether its images were fitted into 28x28.
 *
 * @returns One sentence per line.
 */
export function describeDataset({ descriptor, dataset, stored }: PageDataset): string[] {
  const count = (value: number) => value.toLocaleString('en-US');
  const lines = [
    `${descriptor.title}: ${count(dataset.train.count)} training and ${count(dataset.test.count)} test images, ${dataset.classes} classes (${dataset.classNames.join(', ')}).`,
    dataset.files.every((file) => file.verified)
      ? 'Its four files match their recorded checksums.'
      : `Not verified: no checksum is recorded for ${dataset.files
          .filter((file) => !file.verified)
          .map((file) => file.path)
          .join(', ')}.`,
  ];
  if (stored.height !== MODEL_IMAGE_SIDE || stored.width !== MODEL_IMAGE_SIDE)
    lines.push(
      `Its ${stored.height}x${stored.width} images are fitted into ${MODEL_IMAGE_SIDE}x${MODEL_IMAGE_SIDE} (scaled to keep their proportions, centred), the size the LeNets read.`,
    );
  return lines;
}
