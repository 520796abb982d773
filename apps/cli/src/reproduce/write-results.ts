import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '@lenet/common/node';
import { collectRuns, type FoundRun } from './collect-runs.js';
import { EXPERIMENT_NAMES } from './experiments.js';
import { resultsMarkdown, type RunAssets } from './results-markdown.js';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Copies a completed run's learning curves, misclassified gallery, log and result into
 * `results/<run>/` beside the report: enough to write the report again from that folder alone
 * (`--report-only --out <report folder>/results`).
 */
async function copyRunAssets(run: FoundRun, reportFolder: string): Promise<RunAssets> {
  const target = join(reportFolder, 'results', basename(run.root));
  // A run folder keeps its figures in figures/; a copy made by this function keeps them beside its log.
  const files = {
    learningCurves: [
      join(run.root, 'figures', 'learning-curves.png'),
      join(run.root, 'learning-curves.png'),
    ],
    misclassified: [
      join(run.root, 'figures', 'misclassified.png'),
      join(run.root, 'misclassified.png'),
    ],
    log: [join(run.root, 'log.jsonl')],
    result: [join(run.root, 'result.json')],
  };
  const assets: Record<string, string> = {};
  for (const [key, candidates] of Object.entries(files)) {
    let source: string | undefined;
    for (const candidate of candidates)
      if (source === undefined && (await exists(candidate))) source = candidate;
    if (source === undefined) continue;
    const copy = join(target, basename(source));
    if (resolve(copy) !== resolve(source)) await writeFileAtomic(copy, await readFile(source));
    assets[key] = relative(reportFolder, copy).split('\\').join('/');
  }
  return assets;
}

/**
 * Writes the results report `file` (atomically) from the runs in `out`, copying each completed
 * run's figures and log into `results/` beside it. Needs no data and trains nothing.
 *
 * @returns The runs found.
 */
export async function writeResults(
  out: string,
  file: string,
  now = new Date(),
): Promise<FoundRun[]> {
  const runs = await collectRuns(out, EXPERIMENT_NAMES);
  const reportFolder = dirname(file);
  const assets = new Map<string, RunAssets>();
  for (const run of runs)
    if (run.record.result !== undefined)
      assets.set(run.root, await copyRunAssets(run, reportFolder));
  await writeFileAtomic(file, resultsMarkdown(runs, assets, now));
  return runs;
}
