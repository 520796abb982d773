import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { findExperiment, type Experiment } from './experiments.js';
import { readRunRecord, type RunRecord } from './run-record.js';

/** A run folder found under the reproduce output folder. */
export interface FoundRun {
  readonly experiment: Experiment;
  readonly seed: number;
  /** The run folder. */
  readonly root: string;
  readonly record: RunRecord;
}

const runFolderPattern = /^(.+)-seed(\d+)$/;

/**
 * Finds the runs of known experiments in `out` (folders `<experiment>-seed<N>` holding a
 * checkpoint), sorted by experiment (catalogue order) then seed. A missing `out` has none.
 */
export async function collectRuns(out: string, order: readonly string[]): Promise<FoundRun[]> {
  const entries = await readdir(out, { withFileTypes: true }).catch((error: unknown) => {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw error;
  });
  const runs: FoundRun[] = [];
  for (const entry of entries) {
    const match = runFolderPattern.exec(entry.name);
    const experiment = match?.[1] === undefined ? undefined : findExperiment(match[1]);
    if (!entry.isDirectory() || experiment === undefined) continue;
    const root = join(out, entry.name);
    const record = await readRunRecord(root);
    if (record !== undefined) runs.push({ experiment, seed: Number(match?.[2]), root, record });
  }
  return runs.sort(
    (first, second) =>
      order.indexOf(first.experiment.name) - order.indexOf(second.experiment.name) ||
      first.seed - second.seed,
  );
}
