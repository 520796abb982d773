import type { DataSource } from '@lenet/data';
import type { TrainingEvents, TrainingOutcome } from '../training/run-training.js';
import { formatCurvatureTable } from './curvature-table.js';
import { formatDuration, formatProgressLine } from './progress-line.js';
import type { Terminal } from './terminal.js';

/** Prints a training run for people (progress bar, epoch lines) or machines (JSON lines). */
export interface TrainingReporter {
  readonly events: TrainingEvents;
  interrupting(): void;
  finished(outcome: TrainingOutcome, figures: readonly string[]): void;
}

const percent = (rate: number) => `${(rate * 100).toFixed(2)}%`;

/** The reporter of `lenet train`: redraws one progress line on a terminal, prints milestones elsewhere. */
export function trainingReporter(
  terminal: Terminal,
  context: { json: boolean; backend: string; folder: string; dataSource: DataSource },
): TrainingReporter {
  let lastDraw = 0;
  let lastMilestone = -1;
  let epochs = 0;
  const clearLine = () => {
    if (terminal.interactive && !context.json) terminal.out('\r\u001b[2K');
  };
  const events: TrainingEvents = {
    onStart: ({ settings, recipe, trainer, resumedAt }) => {
      epochs = settings.epochs;
      if (trainer.fallbackReason !== undefined)
        terminal.error(
          `Note: the LeNet engine cannot run this model (${trainer.fallbackReason}); training with tfjs's kernels, several times slower.\n`,
        );
      if (context.json) return;
      const where =
        resumedAt === undefined
          ? 'from scratch'
          : `resuming at epoch ${resumedAt.epoch + 1}, batch ${resumedAt.batch}`;
      terminal.out(
        `Training ${recipe.name} (${recipe.description}) ${where}\n` +
          `  ${settings.epochs} epochs, batch ${settings.batchSize}, ${settings.optimizer} at ${settings.learningRate} (${settings.optimizer === 'sdlm' ? `the paper's eta schedule, mu ${String(settings.sdlmMu ?? 0.02)}` : settings.schedule}), seed ${settings.seed}${settings.initialisation === 'eblearn' ? ", EBLearn's initialisation" : ''}${settings.distortions ? ', distortions' : ''}\n` +
          `  data: ${settings.dataset?.title ?? 'MNIST'} (${String(settings.dataset?.classNames.length ?? 10)} classes) from ${context.dataSource.kind} (${context.dataSource.location}); gradients: ${trainer.kernels === 'lenet' ? 'the LeNet engine (WebAssembly SIMD)' : `tfjs on ${context.backend}`}, ${String(trainer.threads)} thread${trainer.threads === 1 ? '' : 's'}; output: ${context.folder}\n`,
      );
    },
    onBatch: (progress, totals) => {
      if (context.json) return;
      const done = progress.batch + 1;
      const remainingImages =
        (progress.batches - done) * (progress.images / done) +
        (epochs - progress.epoch - 1) * (progress.images / done) * progress.batches;
      // Formatted only when drawn: per-pattern training calls this a few thousand times a second.
      const line = (): string =>
        formatProgressLine({
          epoch: progress.epoch + 1,
          epochs,
          done,
          total: progress.batches,
          imagesPerSecond: totals.epochImagesPerSecond,
          loss: totals.loss,
          accuracy: totals.accuracy,
          secondsLeft: remainingImages / Math.max(totals.epochImagesPerSecond, 1e-9),
        });
      const now = performance.now();
      if (terminal.interactive && now - lastDraw > 100) {
        lastDraw = now;
        terminal.out(`\r\u001b[2K${line()}`);
      } else if (!terminal.interactive) {
        const milestone = Math.floor((done / progress.batches) * 4);
        if (milestone !== lastMilestone && milestone < 4) terminal.out(`${line()}\n`);
        lastMilestone = milestone;
      }
    },
    onNotice: (notice) => {
      terminal.error(`Notice: ${notice}\n`);
    },
    onCurvature: (record) => {
      if (context.json) {
        terminal.out(`${JSON.stringify(record)}\n`);
        return;
      }
      clearLine();
      terminal.out(formatCurvatureTable(record.pass, record));
    },
    onEpoch: (record) => {
      if (context.json) {
        terminal.out(`${JSON.stringify(record)}\n`);
        return;
      }
      clearLine();
      terminal.out(
        `epoch ${record.epoch}/${epochs}: test error ${percent(record.testError)}, training error ${percent(record.trainError)}, loss ${record.trainLoss.toFixed(4)}, ${formatDuration(record.seconds)} (${Math.round(record.imagesPerSecond)} img/s)\n`,
      );
    },
  };
  return {
    events,
    interrupting: () => {
      clearLine();
      terminal.error(
        'Stopping after this batch and saving a checkpoint (press Ctrl-C again to quit without saving)...\n',
      );
    },
    finished: (outcome, figures) => {
      const testError = outcome.evaluation?.errorRate;
      if (context.json) {
        terminal.out(
          `${JSON.stringify({ type: 'end', status: outcome.status, testError, seconds: outcome.elapsedSeconds, folder: context.folder })}\n`,
        );
        return;
      }
      clearLine();
      if (outcome.status === 'interrupted') {
        terminal.out(
          `Stopped. Checkpoint saved in ${context.folder}/checkpoint; continue with: lenet train --out ${context.folder} --resume\n`,
        );
        return;
      }
      terminal.out(
        `\nDone: ${outcome.recipe.name} reached ${testError === undefined ? '?' : percent(testError)} test error (${outcome.evaluation?.errors ?? '?'} of ${outcome.evaluation?.count ?? '?'} test digits wrong) in ${formatDuration(outcome.elapsedSeconds)}.\n` +
          `  model:   ${context.folder}/model\n  log:     ${context.folder}/log.jsonl\n  figures: ${figures.join(', ')}\n`,
      );
    },
  };
}
