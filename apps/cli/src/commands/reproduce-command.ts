import { InvalidArgumentError, type Command } from 'commander';
import { type BackendName } from '@lenet/core';
import { loadCommandData } from '../data/load-command-data.js';
import { addDataOptions, type DataOptions } from '../options/data-options.js';
import { UsageError } from '../errors/usage-error.js';
import { ExitCode } from '../exit-codes.js';
import { parseChoice } from '../options/parse-choice.js';
import { parseNumber } from '../options/parse-number.js';
import type { Terminal } from '../output/terminal.js';
import { trainingReporter } from '../output/training-reporter.js';
import {
  EXPERIMENTS,
  EXPERIMENT_NAMES,
  findExperiment,
  type Experiment,
} from '../reproduce/experiments.js';
import { describeSettings } from '../reproduce/results-markdown.js';
import { experimentFolder, runExperiment } from '../reproduce/run-experiment.js';
import { writeResults } from '../reproduce/write-results.js';
import { interruptSignal } from '../training/interrupt-signal.js';
import { startBackend } from '../backend/start-backend.js';

interface ReproduceOptions extends DataOptions {
  list?: boolean;
  seeds: number[];
  out: string;
  limit?: number;
  passes?: number;
  results: string;
  reportOnly?: boolean;
  backend?: BackendName;
  stopAfter?: number;
}

/** Parses `--seeds 1,2,3` into distinct whole numbers. */
export function parseSeeds(value: string): number[] {
  const seeds = value
    .split(',')
    .map((part) => parseNumber('--seeds', part.trim(), { integer: true, minimum: 0 }));
  if (new Set(seeds).size !== seeds.length)
    throw new InvalidArgumentError(`--seeds must not repeat a seed; got "${value}".`);
  return seeds;
}

function chosenExperiments(names: readonly string[]): Experiment[] {
  if (names.length === 0)
    throw new UsageError(
      `Name the experiments to run (${EXPERIMENT_NAMES.join(', ')}), or use --list or --report-only.`,
    );
  return names.map((name) => {
    const experiment = findExperiment(name);
    if (experiment === undefined)
      throw new UsageError(
        `Unknown experiment "${name}". The experiments are: ${EXPERIMENT_NAMES.join(', ')} (see lenet reproduce --list).`,
      );
    return experiment;
  });
}

function listExperiments(terminal: Terminal): void {
  for (const experiment of EXPERIMENTS) {
    const paper =
      experiment.paperTestError === undefined
        ? 'no paper figure'
        : `paper ${experiment.paperTestError.toFixed(2)}%`;
    terminal.out(
      `${experiment.name.padEnd(19)} ${experiment.title} (${paper})\n${' '.repeat(20)}${describeSettings({ ...experiment.recipe, seed: 1, trainImagesSha256: '' })}\n`,
    );
  }
}

/** Registers `lenet reproduce`. Asks for exit code 130 when stopped by Ctrl-C or --stop-after. */
export function registerReproduceCommand(program: Command, terminal: Terminal): void {
  const command = program
    .command('reproduce')
    .description("Run the paper's experiments by name (resumable) and write the results report.")
    .argument('[experiments...]', `the experiments: ${EXPERIMENT_NAMES.join(', ')}`)
    .option('--list', 'list the experiments and their recipes')
    .option('--seeds <list>', 'comma-separated seeds, one run each', parseSeeds, [1])
    .option('--out <dir>', 'the folder of the run folders (<experiment>-seed<N>)', 'runs/reproduce')
    .option(
      '--limit <n>',
      'train on the first n digits only (a quick check, not the paper)',
      (value) => parseNumber('--limit', value, { integer: true, minimum: 1 }),
    )
    .option(
      '--passes <n>',
      "passes instead of the recipe's (a quick check, not the paper)",
      (value) => parseNumber('--passes', value, { integer: true, minimum: 1 }),
    )
    .option('--results <file>', 'the results report to write', 'docs/RESULTS.md')
    .option('--report-only', 'write the report from the runs in --out without training');
  addDataOptions(
    command,
    "default mnist, the paper's; another data set puts the paper's recipes to it",
  )
    .option(
      '--backend <name>',
      'the tfjs backend: tensorflow, wasm, cpu (default: the fastest available)',
      (value) => parseChoice('--backend', value, ['tensorflow', 'wasm', 'cpu'] as const),
    )
    .option(
      '--stop-after <batches>',
      'stop as Ctrl-C does after this many batches in all (run the command again to continue)',
      (value) => parseNumber('--stop-after', value, { integer: true, minimum: 1 }),
    )
    .addHelpText('after', reproduceHelp())
    .action(async (names: string[], options: ReproduceOptions) => {
      if (options.list === true) {
        listExperiments(terminal);
        return;
      }
      if (options.reportOnly === true) {
        if (names.length > 0)
          throw new UsageError(
            '--report-only writes the report from every run in --out and trains nothing: drop the experiment names.',
          );
        const runs = await writeResults(options.out, options.results);
        terminal.out(
          `Wrote ${options.results} from ${String(runs.length)} run folders in ${options.out}.\n`,
        );
        return;
      }
      const experiments = chosenExperiments(names);
      await reproduce(experiments, options, terminal);
    });
}

async function reproduce(
  experiments: readonly Experiment[],
  options: ReproduceOptions,
  terminal: Terminal,
): Promise<void> {
  const { dataset, record } = await loadCommandData(options, terminal);
  const backend = await startBackend(options.backend);
  let announceStop: () => void = () => {
    terminal.error('Stopping and saving a checkpoint...\n');
  };
  const interrupt = interruptSignal(() => {
    announceStop();
  });
  let batchesLeft = options.stopAfter ?? Number.POSITIVE_INFINITY;
  const shouldStop = () => interrupt.requested() || (batchesLeft -= 1) <= 0;
  try {
    for (const experiment of experiments) {
      for (const seed of options.seeds) {
        const root = experimentFolder(options.out, experiment.name, seed);
        const reporter = trainingReporter(terminal, {
          json: false,
          backend: backend.backend,
          folder: root,
          dataSource: dataset.source,
        });
        announceStop = () => {
          reporter.interrupting();
        };
        const status = await runExperiment({
          experiment,
          seed,
          out: options.out,
          dataset,
          record,
          backend: backend.backend,
          shouldStop,
          events: reporter.events,
          ...pick(options),
        });
        if (status === 'already-completed')
          terminal.out(`${experiment.name}, seed ${String(seed)}: already complete in ${root}.\n`);
        if (status === 'completed')
          terminal.out(`${experiment.name}, seed ${String(seed)}: done, in ${root}.\n`);
        if (status === 'interrupted') {
          terminal.out(
            `Stopped. ${root} holds a checkpoint; run the same command again to continue where it stopped.\n`,
          );
          terminal.exitCode = ExitCode.interrupted;
          break;
        }
      }
      if (terminal.exitCode === ExitCode.interrupted) break;
    }
  } finally {
    interrupt.dispose();
  }
  await writeResults(options.out, options.results);
  terminal.out(`Wrote ${options.results}.\n`);
}

function pick(options: ReproduceOptions): { limit?: number; passes?: number } {
  return {
    ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(options.passes === undefined ? {} : { passes: options.passes }),
  };
}

function reproduceHelp(): string {
  return `
Each experiment is a fixed recipe run through the same training as lenet train, into
<out>/<experiment>-seed<N>. Running the same command again continues an unfinished run
where it stopped (bit for bit) and skips a finished one. Ctrl-C saves and exits (code 130).

Examples:
  $ lenet reproduce --list
  $ lenet reproduce lenet1 lenet5 --seeds 1,2,3
  $ lenet reproduce lenet5 --limit 2000 --passes 1 --out runs/quick --results runs/quick/RESULTS.md
  $ lenet reproduce --report-only            # rewrite docs/RESULTS.md from runs/reproduce`;
}
