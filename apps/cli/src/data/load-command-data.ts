import {
  DatasetMismatchError,
  datasetNamed,
  fitImages,
  loadDataset,
  type Dataset,
  type DatasetDescriptor,
  type DataSourceKind,
} from '@lenet/data';
import { UsageError } from '../errors/usage-error.js';
import type { DataOptions } from '../options/data-options.js';
import type { Terminal } from '../output/terminal.js';
import { datasetRecordOf, type DatasetRecord } from './dataset-record.js';

/** The side of the images every LeNet of the catalogue is fed from (MNIST's 28x28). */
const MODEL_IMAGE_SIDE = 28;

/** A command's data set, its descriptor and what a run records of it. */
export interface CommandData {
  /** The data set, its images fitted to 28x28 when they were another size. */
  readonly dataset: Dataset;
  readonly descriptor: DatasetDescriptor;
  readonly record: DatasetRecord;
}

/**
 * Loads the data set a command asks for: `--dataset` (else `recorded`'s, a run's own, else
 * MNIST) from `--folder`/`--source` (else, for a run's data set read from a folder, that
 * folder again). Prints a one-line notice when files are unverified (no checksum recorded
 * for them) and when images of another size are fitted to 28x28.
 *
 * @param options - The command's data flags.
 * @param terminal - Where notices go (standard error).
 * @param recorded - The data set a run was trained on, used when `--dataset` is not given.
 */
export async function loadCommandData(
  options: DataOptions,
  terminal: Terminal,
  recorded?: DatasetRecord,
): Promise<CommandData> {
  const descriptor = datasetNamed(options.dataset ?? recorded?.name ?? 'mnist');
  const reuseRecordedFolder =
    options.dataset === undefined &&
    options.folder === undefined &&
    options.source === undefined &&
    recorded !== undefined &&
    (['folder', 'environment'] as DataSourceKind[]).includes(recorded.source.kind);
  const loaded = await loadDataset(descriptor, {
    folder: reuseRecordedFolder ? recorded.source.location : options.folder,
    source: options.source,
  }).catch((error: unknown) => {
    if (!DatasetMismatchError.isInstance(error) || error.problem !== 'other-dataset') throw error;
    const other = datasetNamed(String(error.actual));
    throw new UsageError(
      recorded === undefined || options.dataset !== undefined
        ? `${error.message.replace(/: load the files as .*$/, '.')} Add --dataset ${other.name} to use them.`
        : `${error.message.replace(/: load the files as .*$/, '.')} The model was trained on ${recorded.title}; to use it on ${other.title} anyway, add --dataset ${other.name}.`,
    );
  });
  const unverified = loaded.files.filter((file) => !file.verified);
  if (unverified.length > 0)
    terminal.error(
      descriptor.name === 'idx'
        ? 'Notice: plain IDX files are loaded unverified (there is no checksum to check them against).\n'
        : `Notice: ${String(unverified.length)} of the 4 ${descriptor.title} files are unverified: no checksum recorded for ${descriptor.title} applies to them (${unverified.map((file) => file.path).join(', ')}).\n`,
    );
  const { height, width } = loaded.train;
  const dataset =
    height === MODEL_IMAGE_SIDE && width === MODEL_IMAGE_SIDE
      ? loaded
      : {
          ...loaded,
          train: fitImages(loaded.train, MODEL_IMAGE_SIDE),
          test: fitImages(loaded.test, MODEL_IMAGE_SIDE),
        };
  if (dataset !== loaded)
    terminal.error(
      `Notice: the ${String(height)}x${String(width)} images are scaled to fit 28x28 (proportions kept, centred), the size the models are fed from.\n`,
    );
  return { dataset, descriptor, record: datasetRecordOf(descriptor, loaded) };
}
