import { join } from 'node:path';
import type { Dataset } from '@lenet/data';
import type { DatasetRecord } from '../data/dataset-record.js';
import { UsageError } from '../errors/usage-error.js';
import { prepareRunFolder } from '../training/prepare-run-folder.js';
import { runTraining, type TrainingEvents } from '../training/run-training.js';
import { effectiveSetting, type TrainSettings } from '../training/train-settings.js';
import { writeRunFigures } from '../training/write-run-figures.js';
import type { Experiment } from './experiments.js';
import { machineInfo } from './machine-info.js';
import { readRunRecord, writeRunResult } from './run-record.js';

/** One experiment and seed to run, and the overrides of its recipe. */
export interface ExperimentRequest {
  readonly experiment: Experiment;
  readonly seed: number;
  /** The parent folder; the run goes into `<out>/<experiment>-seed<seed>`. */
  readonly out: string;
  readonly dataset: Dataset;
  /** What the run records of its data (the data set, its source, its content's sha256s). */
  readonly record: DatasetRecord;
  /** Train on the first `limit` digits only (not the paper). */
  readonly limit?: number;
  /** Passes instead of the recipe's (not the paper). */
  readonly passes?: number;
  readonly backend: string;
  readonly shouldStop: () => boolean;
  readonly events?: TrainingEvents;
}

/** How a run request ended. */
export type ExperimentStatus = 'completed' | 'interrupted' | 'already-completed';

/** The folder of an experiment's run with a seed. */
export function experimentFolder(out: string, experiment: string, seed: number): string {
  return join(out, `${experiment}-seed${String(seed)}`);
}

/** The command that reproduces one experiment with the given seeds and overrides. */
export function reproduceCommand(
  experiment: string,
  seeds: readonly number[],
  overrides: { limit?: number; passes?: number; dataset?: string },
): string {
  const extra = [
    overrides.dataset === undefined || overrides.dataset === 'mnist'
      ? ''
      : ` --dataset ${overrides.dataset}`,
    overrides.limit === undefined ? '' : ` --limit ${String(overrides.limit)}`,
    overrides.passes === undefined ? '' : ` --passes ${String(overrides.passes)}`,
  ].join('');
  return `lenet reproduce ${experiment} --seeds ${seeds.join(',')}${extra}`;
}

/** The settings a request trains with. */
export function requestSettings(request: ExperimentRequest): TrainSettings {
  return {
    // The LeNet engine in one thread: as fast per image as it gets, the same result on any machine.
    kernels: 'lenet',
    threads: 1,
    ...request.experiment.recipe,
    epochs: request.passes ?? request.experiment.recipe.epochs,
    seed: request.seed,
    ...(request.limit === undefined ? {} : { trainLimit: request.limit }),
    trainImagesSha256:
      request.dataset.files.find((file) => file.role === 'trainImages')?.sha256 ?? '',
    dataset: request.record,
  };
}

const comparedKeys = [
  'model',
  'epochs',
  'batchSize',
  'optimizer',
  'learningRate',
  'schedule',
  'loss',
  'seed',
  'initialisation',
  'distortions',
  'sdlmMu',
  'sdlmCurvature',
  'trainLimit',
  'threads',
  'kernels',
  'dataset',
] as const;

/** Runs from before `threads` and `kernels` existed trained with tfjs in one thread. */
function withDefaults(settings: TrainSettings): TrainSettings {
  return { ...settings, kernels: settings.kernels ?? 'tfjs', threads: settings.threads ?? 1 };
}

function checkSameSettings(
  root: string,
  savedSettings: TrainSettings,
  wantedSettings: TrainSettings,
): void {
  const [saved, wanted] = [withDefaults(savedSettings), withDefaults(wantedSettings)];
  const differing = comparedKeys.filter(
    (key) => effectiveSetting(saved, key) !== effectiveSetting(wanted, key),
  );
  if (differing.length === 0) return;
  const details = differing
    .map(
      (key) =>
        `${key} ${String(effectiveSetting(saved, key))} (now ${String(effectiveSetting(wanted, key))})`,
    )
    .join(', ');
  throw new UsageError(
    `The folder ${root} holds a run of this experiment with other settings: ${details}. Run with the options it was started with (e.g. the same --limit and --passes), or choose another --out, or delete the folder to start over.`,
  );
}

/**
 * Runs one experiment with one seed: starts it, continues it where it stopped when its folder
 * holds an unfinished run with the same settings, or leaves it when it is complete. A completed
 * run gets its figures and a `result.json`.
 *
 * @throws UsageError when the folder holds a run with other settings.
 */
export async function runExperiment(request: ExperimentRequest): Promise<ExperimentStatus> {
  const root = experimentFolder(request.out, request.experiment.name, request.seed);
  const settings = requestSettings(request);
  const existing = await readRunRecord(root);
  if (existing !== undefined) checkSameSettings(root, existing.settings, settings);
  if (existing?.result !== undefined) return 'already-completed';
  const resume = existing !== undefined;
  const folder = await prepareRunFolder(root, resume);
  const outcome = await runTraining({
    folder,
    dataset: request.dataset,
    settings,
    resume,
    explicitSettings: new Set(),
    shouldStop: request.shouldStop,
    ...(request.events === undefined ? {} : { events: request.events }),
  });
  if (outcome.status === 'interrupted') return 'interrupted';
  await writeRunFigures(folder, outcome, request.dataset.test, request.dataset.classNames);
  const evaluation = outcome.evaluation;
  await writeRunResult(root, {
    experiment: request.experiment.name,
    seed: request.seed,
    command: reproduceCommand(request.experiment.name, [request.seed], {
      ...request,
      dataset: request.record.name,
    }),
    settings: outcome.settings,
    testError: evaluation?.errorRate ?? Number.NaN,
    errors: evaluation?.errors ?? 0,
    testCount: evaluation?.count ?? 0,
    trainingSeconds: outcome.elapsedSeconds,
    machine: machineInfo(request.backend),
    finishedAt: new Date().toISOString(),
  });
  return 'completed';
}
