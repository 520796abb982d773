import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@lenet/common/node';
import type { EpochRecord } from '../training/run-log.js';
import type { TrainSettings } from '../training/train-settings.js';
import type { MachineInfo } from './machine-info.js';

const resultFile = 'result.json';
const stateFile = join('checkpoint', 'state.json');
const resultFormat = 'lenet-reproduce-result';

/** What a completed `lenet reproduce` run leaves in its folder as `result.json`. */
export interface RunResult {
  readonly format: typeof resultFormat;
  readonly experiment: string;
  readonly seed: number;
  /** The command that reproduces this run (without machine-specific paths). */
  readonly command: string;
  readonly settings: TrainSettings;
  /** The final test error, 0..1, and the misclassified count out of `testCount`. */
  readonly testError: number;
  readonly errors: number;
  readonly testCount: number;
  /** Training time, seconds, without the time the run was paused. */
  readonly trainingSeconds: number;
  readonly machine: MachineInfo;
  readonly finishedAt: string;
}

/** A run folder's state as far as the report cares: its settings and epochs so far, and its result once done. */
export interface RunRecord {
  readonly settings: TrainSettings;
  readonly history: readonly EpochRecord[];
  readonly elapsedSeconds: number;
  readonly result?: RunResult;
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The epochs a run's `log.jsonl` records, the last record of each epoch (a resumed run may repeat one). */
async function loggedEpochs(root: string): Promise<EpochRecord[]> {
  const text = await readFile(join(root, 'log.jsonl'), 'utf8').catch((error: unknown) => {
    if ((error as { code?: string }).code === 'ENOENT') return '';
    throw error;
  });
  const epochs = new Map<number, EpochRecord>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as Partial<EpochRecord>;
    if (record.type === 'epoch' && typeof record.epoch === 'number')
      epochs.set(record.epoch, record as EpochRecord);
  }
  return [...epochs.values()].sort((first, second) => first.epoch - second.epoch);
}

/**
 * Reads a run folder's checkpoint state and result; undefined when it holds neither a checkpoint
 * nor a result. A completed run whose checkpoint is gone (the copy committed under docs/results
 * keeps only `result.json`, `log.jsonl` and figures) is read from its result and log.
 */
export async function readRunRecord(root: string): Promise<RunRecord | undefined> {
  const state = ((await readJson(join(root, stateFile))) ??
    (await readJson(join(root, 'checkpoint.old', 'state.json')))) as Partial<RunRecord> | undefined;
  const stored = (await readJson(join(root, resultFile))) as RunResult | undefined;
  const result = stored?.format === resultFormat ? stored : undefined;
  if (state?.settings === undefined) {
    if (result === undefined) return undefined;
    return {
      settings: result.settings,
      history: await loggedEpochs(root),
      elapsedSeconds: result.trainingSeconds,
      result,
    };
  }
  return {
    settings: state.settings,
    history: state.history ?? [],
    elapsedSeconds: state.elapsedSeconds ?? 0,
    ...(result === undefined ? {} : { result }),
  };
}

/** Writes a completed run's `result.json` atomically. */
export async function writeRunResult(
  root: string,
  result: Omit<RunResult, 'format'>,
): Promise<void> {
  await writeFileAtomic(
    join(root, resultFile),
    `${JSON.stringify({ format: resultFormat, ...result }, null, 2)}\n`,
  );
}
