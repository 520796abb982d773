import type { Command } from 'commander';
import { KNOWN_DATASETS, type DataSourceKind } from '@lenet/data';
import { parseChoice } from './parse-choice.js';
import { parseSourceOption } from './source-option.js';

/** The names `--dataset` takes: mnist (the default), fashion-mnist, kmnist, emnist-digits, idx. */
export const DATASET_NAMES: readonly string[] = KNOWN_DATASETS.map((descriptor) => descriptor.name);

/** The data flags every command that reads a data set shares. */
export interface DataOptions {
  /** `--dataset`: a name of {@link DATASET_NAMES}; undefined when not given. */
  dataset?: string;
  /** `--folder`: read the files from this folder. */
  folder?: string;
  /** `--source`: use only this source. */
  source?: DataSourceKind;
}

/**
 * Adds `--dataset`, `--folder` and `--source` to a command. `--dataset` has no default value
 * here, so that a command can tell "given" from "not given" (a run's own data set is then used).
 *
 * @param command - The command.
 * @param defaultNote - What happens without `--dataset`, for the help (e.g. `default mnist`).
 */
export function addDataOptions(command: Command, defaultNote = 'default mnist'): Command {
  return command
    .option(
      '--dataset <name>',
      `the data set: ${DATASET_NAMES.join(', ')} (idx: any four IDX files in --folder, unverified; ${defaultNote})`,
      (value) => parseChoice('--dataset', value, DATASET_NAMES),
    )
    .option('--folder <dir>', "read the data set's four files from this folder")
    .option(
      '--source <kind>',
      'use only this source: folder, environment, cache, package (MNIST only), download',
      parseSourceOption,
    );
}
