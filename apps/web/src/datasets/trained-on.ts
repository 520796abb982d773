import { IDX_FILES, MNIST, type Dataset, type DatasetDescriptor } from '@lenet/data';

/** How a picture becomes an image of a data set: `digit` (MNIST's normalisation) or `fit`. */
export type PicturePreparation = NonNullable<DatasetDescriptor['pictures']>;

/** What a model was trained on, as much as the page needs to name its answers and prepare drawings. */
export interface TrainedOn {
  /** The data set's name, as `datasetNamed` of @lenet/data knows it (`mnist`, `fashion-mnist`, `idx`, ...). */
  readonly name: string;
  /** Its title (`Fashion-MNIST`). */
  readonly title: string;
  /** A name per class, `classNames[label]`, one per output of the model. */
  readonly classNames: readonly string[];
  /** How a drawing becomes an image of the data set. */
  readonly pictures: PicturePreparation;
}

/** What the shipped models were trained on: MNIST's ten digits. */
export const MNIST_TRAINED_ON: TrainedOn = trainedOnOf(MNIST, MNIST.classNames ?? []);

/**
 * What a model trained on `dataset` was trained on.
 *
 * @param descriptor - The data set's descriptor (its name, title and picture preparation).
 * @param classNames - The loaded data set's `classNames` (for `idx`, the labels' digits).
 */
export function trainedOnOf(
  descriptor: DatasetDescriptor,
  classNames: Dataset['classNames'],
): TrainedOn {
  return {
    name: descriptor.name,
    title: descriptor.title,
    classNames: [...classNames],
    pictures: descriptor.pictures ?? 'digit',
  };
}

/**
 * Reads back what {@link trainedOnOf} gave, from a saved model's user-defined metadata (where
 * the page records it, under `trainedOn`). A model without it, or with names that do not
 * number `classes`, was trained on MNIST when it has ten classes (the CLI's and the page's
 * earlier saves), else on unnamed IDX files whose classes are their labels' digits.
 *
 * @param metadata - The model's `getUserDefinedMetadata()`, anything.
 * @param classes - The model's output count.
 */
export function trainedOnFromMetadata(metadata: unknown, classes: number): TrainedOn {
  const recorded = isRecord(metadata) && isRecord(metadata.trainedOn) ? metadata.trainedOn : {};
  const { name, title, classNames, pictures } = recorded;
  if (
    typeof name === 'string' &&
    typeof title === 'string' &&
    (pictures === 'digit' || pictures === 'fit') &&
    Array.isArray(classNames) &&
    classNames.length === classes &&
    classNames.every((className) => typeof className === 'string')
  )
    return { name, title, classNames, pictures };
  if (classes === MNIST_TRAINED_ON.classNames.length) return MNIST_TRAINED_ON;
  return trainedOnOf(
    IDX_FILES,
    Array.from({ length: classes }, (_, label) => String(label)),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
