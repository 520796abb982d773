import type { TrainSettings } from '../training/train-settings.js';
import { reproduceCommand } from './run-experiment.js';
import type { FoundRun } from './collect-runs.js';
import { describeMachine } from './machine-info.js';
import type { RunResult } from './run-record.js';
import { REPORT_NOTES } from './report-notes.js';

/** Where a run's copied figures and log are, relative to the report. */
export interface RunAssets {
  readonly learningCurves?: string;
  readonly misclassified?: string;
  readonly log?: string;
  readonly result?: string;
}

const percent = (fraction: number, digits = 2) => `${(fraction * 100).toFixed(digits)}%`;

/** `12 min`, `1 h 05 min`. */
export function formatMinutes(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return minutes < 60
    ? `${String(minutes)} min`
    : `${String(Math.floor(minutes / 60))} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Mean, sample standard deviation (0 for one value), smallest and largest. */
export function summarize(values: readonly number[]): {
  mean: number;
  deviation: number;
  smallest: number;
  largest: number;
} {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance =
    values.length < 2
      ? 0
      : values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return {
    mean,
    deviation: Math.sqrt(variance),
    smallest: Math.min(...values),
    largest: Math.max(...values),
  };
}

/** One phrase per setting: optimiser and rate, batch, passes, loss, distortions. */
export function describeSettings(settings: TrainSettings): string {
  const rate =
    settings.optimizer === 'sdlm'
      ? `SDLM, eta ${String(settings.learningRate)} on the first passes (the paper's schedule${settings.learningRate === 0.0005 ? '' : ` scaled by ${String(settings.learningRate / 0.0005)}`}), mu ${String(settings.sdlmMu ?? 0.02)}, h_kk by the ${settings.sdlmCurvature ?? 'layerwise'} method`
      : `${settings.optimizer} at ${String(settings.learningRate)} (${settings.schedule} schedule)`;
  const start =
    settings.initialisation === 'eblearn'
      ? "weights from +-1/sqrt(fan-in), biases 0, coefficients 0.5 (EBLearn's)"
      : "weights from +-2.4/fan-in (the paper's)";
  const images =
    settings.dataset === undefined || settings.dataset.name === 'mnist'
      ? 'training digits'
      : `${settings.dataset.title} training images`;
  const data =
    settings.trainLimit === undefined
      ? `all ${images === 'training digits' ? '60,000 ' : ''}${images}`
      : `the first ${settings.trainLimit.toLocaleString('en-US')} ${images} only`;
  const gradients = `gradients by ${settings.kernels === 'lenet' ? 'the LeNet engine' : 'tfjs'} in ${String(settings.threads ?? 1)} thread${(settings.threads ?? 1) === 1 ? '' : 's'}`;
  const distortions = settings.distortions
    ? 'each pass drawn from the pool of the digits and 9 distorted copies of each'
    : 'no distortions';
  return `${rate}; ${start}; batch ${String(settings.batchSize)}; ${String(settings.epochs)} passes over ${data}; ${settings.loss} loss; ${distortions}; ${gradients}`;
}

function groupKey(run: FoundRun): string {
  const { epochs, trainLimit, dataset } = run.record.settings;
  return `${run.experiment.name}|${String(epochs)}|${String(trainLimit)}|${dataset?.name ?? 'mnist'}`;
}

function tableRow(group: readonly CompletedRun[]): string {
  const first = group[0];
  if (first === undefined) return '';
  const { experiment } = first;
  const { epochs, trainLimit } = first.record.settings;
  const errors = group.map((run) => run.outcome.testError);
  const stats = summarize(errors);
  const training = percent(
    summarize(group.map((run) => run.record.history.at(-1)?.trainError ?? Number.NaN)).mean,
  );
  const ours =
    group.length === 1
      ? percent(stats.mean)
      : `${percent(stats.mean)} ± ${(stats.deviation * 100).toFixed(2)} (${percent(stats.smallest)}–${percent(stats.largest)})`;
  const paper =
    experiment.paperTestError === undefined ? '–' : `${experiment.paperTestError.toFixed(2)}%`;
  const difference =
    experiment.paperTestError === undefined
      ? '–'
      : `${stats.mean * 100 - experiment.paperTestError >= 0 ? '+' : ''}${(stats.mean * 100 - experiment.paperTestError).toFixed(2)}`;
  const passes =
    epochs === experiment.recipe.epochs
      ? String(epochs)
      : `${String(epochs)} (not the recipe's ${String(experiment.recipe.epochs)})`;
  const dataset = first.record.settings.dataset;
  const count =
    trainLimit === undefined ? '60,000' : `${trainLimit.toLocaleString('en-US')} (subset)`;
  const data =
    dataset === undefined || dataset.name === 'mnist' ? count : `${count} of ${dataset.title}`;
  const time = formatMinutes(summarize(group.map((run) => run.outcome.trainingSeconds)).mean);
  const seeds = group.map((run) => run.seed);
  const command = reproduceCommand(experiment.name, seeds, {
    ...(trainLimit === undefined ? {} : { limit: trainLimit }),
    ...(epochs === experiment.recipe.epochs ? {} : { passes: epochs }),
    ...(first.record.settings.dataset === undefined
      ? {}
      : { dataset: first.record.settings.dataset.name }),
  });
  return `| ${experiment.name} | ${paper} | ${ours} | ${difference} | ${training} | ${seeds.join(', ')} | ${passes} | ${data} | ${time} | \`${command}\` |`;
}

function completedGroups(runs: readonly CompletedRun[]): CompletedRun[][] {
  const groups = new Map<string, CompletedRun[]>();
  for (const run of runs) groups.set(groupKey(run), [...(groups.get(groupKey(run)) ?? []), run]);
  return [...groups.values()];
}

interface CompletedRun extends FoundRun {
  readonly outcome: RunResult;
}

function asCompleted(run: FoundRun): CompletedRun | undefined {
  const result = run.record.result;
  return result === undefined ? undefined : { ...run, outcome: result };
}

function inProgressLines(runs: readonly FoundRun[]): string[] {
  return runs
    .filter((run) => run.record.result === undefined)
    .map((run) => {
      const last = run.record.history.at(-1);
      const progress =
        last === undefined
          ? 'no pass finished yet'
          : `${String(last.epoch)} of ${String(run.record.settings.epochs)} passes done, test error ${percent(last.testError)} after pass ${String(last.epoch)}`;
      return `- ${run.experiment.name}, seed ${String(run.seed)}: ${progress} (${formatMinutes(run.record.elapsedSeconds)} so far).`;
    });
}

function runSection(run: CompletedRun, assets: RunAssets | undefined): string[] {
  const result = run.outcome;
  const lines = [
    `### ${run.experiment.name}, seed ${String(run.seed)}`,
    '',
    `Test error ${percent(result.testError)} (${String(result.errors)} of ${result.testCount.toLocaleString('en-US')} test digits misclassified) after ${String(run.record.history.length)} passes; training error of the last pass ${percent(run.record.history.at(-1)?.trainError ?? Number.NaN)}; training time ${formatMinutes(result.trainingSeconds)}; finished ${result.finishedAt.slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    `Settings: ${describeSettings(result.settings)}.`,
    '',
    `| Pass | Test error | Training error |`,
    `|---:|---:|---:|`,
    ...run.record.history.map(
      (record) =>
        `| ${String(record.epoch)} | ${percent(record.testError)} | ${percent(record.trainError)} |`,
    ),
    '',
  ];
  if (assets?.log !== undefined) lines.push(`Log: [${assets.log}](${assets.log})`, '');
  if (assets?.learningCurves !== undefined)
    lines.push(
      `![${run.experiment.name} seed ${String(run.seed)}: training and test error per pass](${assets.learningCurves})`,
      '',
    );
  if (assets?.misclassified !== undefined)
    lines.push(
      `![${run.experiment.name} seed ${String(run.seed)}: the misclassified test digits](${assets.misclassified})`,
      '',
    );
  return lines;
}

/** A line that says which rows ran the paper's recipes on another data set than MNIST, if any. */
function otherDataNote(completed: readonly CompletedRun[]): string[] {
  const others = [
    ...new Set(
      completed
        .map((run) => run.record.settings.dataset)
        .filter((dataset) => dataset !== undefined && dataset.name !== 'mnist')
        .map((dataset) => dataset?.title ?? ''),
    ),
  ];
  return others.length === 0
    ? []
    : [
        '',
        `Rows whose training data names ${others.join(', ')} put the paper's recipe to that data set: they are tested on its own test set, and the paper's column (MNIST's) is only a reference for them.`,
      ];
}

/**
 * The results report: a table of our test error beside the paper's (mean and spread over
 * seeds), the runs still in progress, the machines, and per experiment its recipe, how it
 * differs from the paper, its per-pass errors, learning curves and misclassified digits.
 *
 * @param runs - The runs found, in report order.
 * @param assets - Per run folder, the copied figures and log (paths relative to the report).
 */
export function resultsMarkdown(
  runs: readonly FoundRun[],
  assets: ReadonlyMap<string, RunAssets>,
  generatedAt: Date,
): string {
  const completed = runs.map(asCompleted).filter((run): run is CompletedRun => run !== undefined);
  const progress = inProgressLines(runs);
  const machines = [...new Set(completed.map((run) => describeMachine(run.outcome.machine)))];
  const lines = [
    "# LeNet on MNIST: our results beside the paper's",
    '',
    `Written by \`lenet reproduce\` on ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC from the run folders that exist. Regenerate it from the same runs without training with \`lenet reproduce --report-only --out <runs folder>\`, or from the copies of the completed runs beside it with \`--out docs/results\`; the commands in the table retrain them (add \`--out <runs folder>\`). Test error is measured on the 10,000 official MNIST test digits after the last pass: no checkpoint is picked on the test set.`,
    ...otherDataNote(completed),
    '',
    '| Experiment | Paper | Ours | Ours − paper (points) | Training error, last pass | Seeds | Passes | Training digits | Training time per run | Command |',
    '|---|---:|---:|---:|---:|---|---:|---:|---:|---|',
    ...completedGroups(completed).map(tableRow),
    '',
  ];
  if (completed.length === 0) lines.push('No run has completed yet.', '');
  if (progress.length > 0)
    lines.push('Runs still in progress (not in the table):', '', ...progress, '');
  if (machines.length > 0)
    lines.push('## Machine', '', ...machines.map((machine) => `- ${machine}`), '');
  for (const experiment of [...new Set(completed.map((run) => run.experiment))]) {
    lines.push(`## ${experiment.name}: ${experiment.title}`, '');
    lines.push(
      `Paper: ${experiment.paperTestError === undefined ? 'no figure' : `${experiment.paperTestError.toFixed(2)}%`} (${experiment.paperSource}).`,
      '',
    );
    lines.push(
      `How our recipe differs from the paper's: ${experiment.deviations === '' ? 'it does not.' : experiment.deviations}`,
      '',
    );
    for (const run of completed.filter((candidate) => candidate.experiment === experiment))
      lines.push(...runSection(run, assets.get(run.root)));
  }
  lines.push(...REPORT_NOTES, '');
  return `${lines.join('\n').trimEnd()}\n`;
}
