import type { Dataset, DatasetDescriptor, DatasetFileRole, DataSource } from '@lenet/data';

/**
 * What a training run records of its data: which data set, its classes and how pictures are
 * prepared for it, where it was read from, and the sha256 of each file's decompressed bytes
 * (so a `.gz` and a raw copy of the same data are the same data).
 */
export interface DatasetRecord {
  /** The data set's name (`mnist`, `fashion-mnist`, `idx`, ...). */
  readonly name: string;
  /** Its title (`Fashion-MNIST`). */
  readonly title: string;
  /** The class names, one per label. */
  readonly classNames: readonly string[];
  /** How a picture becomes an image of this data set: `digit` (MNIST's) or `fit`. */
  readonly pictures: 'digit' | 'fit';
  /** The image size as stored, before any fitting to 28x28. */
  readonly height: number;
  readonly width: number;
  /** Where the files were read from. */
  readonly source: DataSource;
  /** The sha256 of each file's decompressed bytes. */
  readonly contentSha256: Readonly<Record<DatasetFileRole, string>>;
}

/** The record of a data set just loaded. */
export function datasetRecordOf(descriptor: DatasetDescriptor, dataset: Dataset): DatasetRecord {
  const content = (role: DatasetFileRole) =>
    dataset.files.find((file) => file.role === role)?.contentSha256 ?? '';
  return {
    name: descriptor.name,
    title: descriptor.title,
    classNames: dataset.classNames,
    pictures: descriptor.pictures ?? 'digit',
    height: dataset.train.height,
    width: dataset.train.width,
    source: dataset.source,
    contentSha256: {
      trainImages: content('trainImages'),
      trainLabels: content('trainLabels'),
      testImages: content('testImages'),
      testLabels: content('testLabels'),
    },
  };
}
