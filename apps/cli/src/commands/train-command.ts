import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import {
  INITIALISATION_SCHEMES,
  type BackendName,
  type CurvatureMethod,
  type InitialisationScheme,
} from '@lenet/core';
import { loadCommandData } from '../data/load-command-data.js';
import { UsageError } from '../errors/usage-error.js';
import { ExitCode } from '../exit-codes.js';
import { addDataOptions, type DataOptions } from '../options/data-options.js';
import { parseChoice } from '../options/parse-choice.js';
import { parseNumber } from '../options/parse-number.js';
import type { Terminal } from '../output/terminal.js';
import {
  defaultLearningRate,
  defaultTrainingThreads,
  MODEL_NAMES,
  MODEL_RECIPES,
  OPTIMIZER_NAMES,
  SCHEDULE_NAMES,
  TRAINING_CRITERIA,
  supportsClasses,
  TRAINING_DEFAULTS,
  type OptimizerName,
  type ScheduleName,
  type TrainingCriterion,
} from '@lenet/models';
import { loadCheckpointState } from '../training/checkpoint.js';
import { prepareRunFolder, runFolder } from '../training/prepare-run-folder.js';
import { RESUME_LOCKED_FLAGS, type TrainSettings } from '../training/train-settings.js';
import { runTraining } from '../training/run-training.js';
import { trainingReporter } from '../output/training-reporter.js';
import { writeRunFigures } from '../training/write-run-figures.js';
import { interruptSignal } from '../training/interrupt-signal.js';
import { startBackend } from '../backend/start-backend.js';

interface TrainOptions extends DataOptions {
  model: string;
  epochs: number;
  batchSize: number;
  optimizer: OptimizerName;
  learningRate?: number;
  sdlmMu?: number;
  sdlmCurvature: CurvatureMethod;
  schedule: ScheduleName;
  loss: TrainingCriterion;
  threads?: number;
  kernels: 'lenet' | 'tfjs';
  seed: number;
  initialisation: InitialisationScheme;
  distortions: boolean;
  limit?: number;
  out?: string;
  resume?: boolean;
  backend?: BackendName;
  json?: boolean;
  stopAfter?: number;
}

/** Registers `lenet train`. Asks for exit code 130 when stopped by Ctrl-C or --stop-after. */
export function registerTrainCommand(program: Command, terminal: Terminal): void {
  const command = program
    .command('train')
    .description(
      'Train a LeNet on MNIST (or Fashion-MNIST, KMNIST, any IDX data set), testing after each epoch, with checkpoints, a log and figures.',
    )
    .option(
      '--model <name>',
      `the model: ${MODEL_NAMES.join(', ')}`,
      (value) => parseChoice('--model', value, MODEL_NAMES),
      TRAINING_DEFAULTS.model,
    )
    .option(
      '--epochs <n>',
      'passes over the training set',
      (value) => parseNumber('--epochs', value, { integer: true, minimum: 1 }),
      TRAINING_DEFAULTS.epochs,
    )
    .option(
      '--batch-size <n>',
      'images per update',
      (value) => parseNumber('--batch-size', value, { integer: true, minimum: 1 }),
      TRAINING_DEFAULTS.batchSize,
    )
    .option(
      '--optimizer <name>',
      `the optimiser: ${OPTIMIZER_NAMES.join(', ')}`,
      (value) => parseChoice('--optimizer', value, OPTIMIZER_NAMES),
      TRAINING_DEFAULTS.optimizer,
    )
    .option(
      '--learning-rate <rate>',
      "the initial learning rate (default 0.002; sdlm: eta of the first pass, the paper's 0.0005, its schedule scaled to match)",
      (value) => parseNumber('--learning-rate', value, { exclusiveMinimum: 0 }),
    )
    .option(
      '--sdlm-mu <mu>',
      "sdlm's safety constant mu in eta / (mu + h_kk) (default the paper's 0.02)",
      (value) => parseNumber('--sdlm-mu', value, { exclusiveMinimum: 0 }),
    )
    .option(
      '--sdlm-curvature <method>',
      "how sdlm estimates h_kk: layerwise (the paper's recursion), random-sign (an unbiased estimate of the exact Gauss-Newton diagonal), exact (slow)",
      (value) =>
        parseChoice('--sdlm-curvature', value, ['layerwise', 'random-sign', 'exact'] as const),
      'layerwise',
    )
    .option(
      '--schedule <name>',
      `the learning-rate schedule: ${SCHEDULE_NAMES.join(', ')}`,
      (value) => parseChoice('--schedule', value, SCHEDULE_NAMES),
      TRAINING_DEFAULTS.schedule,
    )
    .option(
      '--loss <name>',
      `the criterion for RBF heads: ${TRAINING_CRITERIA.join(', ')} (softmax heads use cross-entropy)`,
      (value) => parseChoice('--loss', value, TRAINING_CRITERIA),
      TRAINING_DEFAULTS.loss,
    )
    .option(
      '--seed <n>',
      'the seed of the initialisation, data order and distortions',
      (value) => parseNumber('--seed', value, { integer: true, minimum: 0 }),
      TRAINING_DEFAULTS.seed,
    )
    .option(
      '--initialisation <scheme>',
      `how the weights start: ${INITIALISATION_SCHEMES.join(', ')} (paper: uniform in +-2.4/fan-in; eblearn: +-1/sqrt(fan-in), biases 0, subsampling coefficients 0.5, as LeCun's lab code, which SDLM needs)`,
      (value) => parseChoice('--initialisation', value, INITIALISATION_SCHEMES),
      TRAINING_DEFAULTS.initialisation,
    )
    .option(
      '--distortions',
      "train on the paper's enlarged set: each epoch draws its images from the digits and 9 random planar affine distortions of each",
      TRAINING_DEFAULTS.distortions,
    )
    .option('--limit <n>', 'train on the first n training images only', (value) =>
      parseNumber('--limit', value, { integer: true, minimum: 1 }),
    )
    .option(
      '--out <dir>',
      'the run folder: checkpoint, model, log.jsonl, figures (default runs/<model>-<date>-<time>)',
    )
    .option('--resume', 'continue the run in --out exactly where it stopped');
  addDataOptions(command, "default mnist; with --resume, the run's own")
    .option(
      '--backend <name>',
      'the tfjs backend: tensorflow, wasm, cpu (default: the fastest available)',
      (value) => parseChoice('--backend', value, ['tensorflow', 'wasm', 'cpu'] as const),
    )
    .option(
      '--threads <n>',
      `threads that each compute a share of every batch (default one per core, at most 4: here ${String(defaultTrainingThreads())})`,
      (value) => parseNumber('--threads', value, { integer: true, minimum: 1 }),
    )
    .option(
      '--kernels <name>',
      'what computes the gradients: lenet (the LeNet engine, WebAssembly SIMD) or tfjs (tfjs on --backend)',
      (value) => parseChoice('--kernels', value, ['lenet', 'tfjs'] as const),
      TRAINING_DEFAULTS.kernels,
    )
    .option(
      '--stop-after <batches>',
      'stop as Ctrl-C does after this many batches (time-boxed training; continue with --resume)',
      (value) => parseNumber('--stop-after', value, { integer: true, minimum: 1 }),
    )
    .option(
      '--json',
      'print one JSON line per epoch and a final summary instead of the progress bar',
    )
    .addHelpText('after', trainHelp());
  command.action(async (options: TrainOptions) => {
    if (options.resume === true && options.out === undefined)
      throw new UsageError(
        '--resume continues the run in --out: give its folder (lenet train --out runs/<run> --resume).',
      );
    const recorded =
      options.resume === true && options.out !== undefined
        ? ((await loadCheckpointState(runFolder(options.out).checkpoint)).settings as TrainSettings)
            .dataset
        : undefined;
    const cores = availableParallelism();
    if (options.threads !== undefined && options.threads > cores)
      terminal.error(
        `Warning: --threads ${String(options.threads)} is more than the ${String(cores)} cores here: the extra threads share cores and make each batch slower, not faster.\n`,
      );
    const data = await loadCommandData(options, terminal, recorded);
    const { dataset } = data;
    const recipe = MODEL_RECIPES.find((candidate) => candidate.name === options.model);
    if (
      options.resume !== true &&
      recipe !== undefined &&
      !supportsClasses(recipe, dataset.classes)
    )
      throw new UsageError(
        `${recipe.title} reads its output against the ten digits' RBF codes, so it has 10 outputs; ${data.descriptor.title} has ${dataset.classes} classes. Train lenet5-softmax (LeNet-5 with a softmax head) or another model instead.`,
      );
    const backend = await startBackend(options.backend);
    const folder = await prepareRunFolder(
      options.out ?? defaultRunFolder(options.model),
      options.resume === true,
    );
    const settings: TrainSettings = {
      model: options.model,
      epochs: options.epochs,
      batchSize: options.batchSize,
      optimizer: options.optimizer,
      learningRate: options.learningRate ?? defaultLearningRate(options.optimizer),
      ...(options.sdlmMu === undefined ? {} : { sdlmMu: options.sdlmMu }),
      sdlmCurvature: options.sdlmCurvature,
      schedule: options.schedule,
      loss: options.loss,
      seed: options.seed,
      initialisation: options.initialisation,
      distortions: options.distortions,
      ...(options.limit === undefined ? {} : { trainLimit: options.limit }),
      threads: options.threads ?? defaultTrainingThreads(),
      kernels: options.kernels,
      trainImagesSha256: dataset.files.find((file) => file.role === 'trainImages')?.sha256 ?? '',
      dataset: data.record,
    };
    const explicitSettings = new Set(
      (Object.keys(RESUME_LOCKED_FLAGS) as (keyof typeof RESUME_LOCKED_FLAGS)[]).filter(
        (key) => command.getOptionValueSource(optionName(key)) === 'cli',
      ),
    );
    if (
      options.resume !== true &&
      settings.optimizer === 'sdlm' &&
      settings.model === 'lenet5' &&
      settings.initialisation === 'paper'
    ) {
      terminal.error(
        "Note: from the paper's literal initialisation (+-2.4/fan-in) LeNet-5's curvature is near 0 for most weights and SDLM with mu 0.02 diverges; the paper's recipe as reproduced here is --initialisation eblearn --learning-rate 0.000125 (docs/RESULTS.md).\n",
      );
    }
    const reporter = trainingReporter(terminal, {
      json: options.json === true,
      backend: backend.backend,
      folder: folder.root,
      dataSource: dataset.source,
    });
    const interrupt = interruptSignal(() => {
      reporter.interrupting();
    });
    let batchesLeft = options.stopAfter ?? Number.POSITIVE_INFINITY;
    const shouldStop = () => interrupt.requested() || (batchesLeft -= 1) <= 0;
    try {
      const outcome = await runTraining({
        folder,
        dataset,
        settings,
        resume: options.resume === true,
        explicitSettings,
        shouldStop,
        events: reporter.events,
      });
      const figures =
        outcome.status === 'completed'
          ? await writeRunFigures(folder, outcome, dataset.test, dataset.classNames)
          : [];
      reporter.finished(outcome, figures);
      if (outcome.status === 'interrupted') terminal.exitCode = ExitCode.interrupted;
    } finally {
      interrupt.dispose();
    }
  });
}

/** `runs/<model>-<UTC date>-<time>`, so that no run overwrites another. */
function defaultRunFolder(model: string): string {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `runs/${model}-${stamp}`;
}

function optionName(key: keyof typeof RESUME_LOCKED_FLAGS): string {
  return key === 'trainLimit' ? 'limit' : key;
}

function trainHelp(): string {
  const models = MODEL_RECIPES.map(
    (recipe) => `  ${recipe.name.padEnd(15)} ${recipe.description}`,
  ).join('\n');
  return `
Models:
${models}

Examples:
  $ lenet train                                   # the paper's LeNet-5 into runs/lenet5-<date>-<time>
  $ lenet train --model lenet1 --epochs 20 --out runs/lenet1
  $ lenet train --model lenet5-modern --batch-size 128 --learning-rate 0.002
  $ lenet train --dataset fashion-mnist --folder ~/fashion-mnist --model lenet5-modern
  $ lenet train --dataset idx --folder ~/my-idx-files --model lenet5-softmax
  $ lenet train --out runs/lenet5-20261128-101500 --resume   # continue after Ctrl-C, exactly

Ctrl-C saves a checkpoint and exits (code 130); --resume continues with identical results.`;
}
