import type { Command } from 'commander';
import { formatSummary, summarize } from '@lenet/models';
import { noticePrinter, type Terminal } from '../output/terminal.js';
import { openModel } from '../training/open-model.js';
import { startBackend } from '../backend/start-backend.js';

/** Registers `lenet summary`: the paper's per-layer table for a model or a saved run. */
export function registerSummaryCommand(program: Command, terminal: Terminal): void {
  program
    .command('summary')
    .description(
      "Print a model's per-layer table: output shapes, trainable and fixed parameters, connections.",
    )
    .argument(
      '[model]',
      'a model name (lenet1, lenet4, lenet5, lenet5-softmax, lenet5-modern) or a run/model folder',
      'lenet5',
    )
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ lenet summary                    # LeNet-5 as in the paper: 60,000 trainable, 340,908 connections
  $ lenet summary lenet1             # 2,578 parameters
  $ lenet summary runs/lenet5-20261128-101500`,
    )
    .action(async (name: string, options: { json?: boolean }) => {
      await startBackend();
      const { model } = await openModel(name, {}, noticePrinter(terminal));
      const summary = summarize(model);
      terminal.out(
        options.json === true
          ? `${JSON.stringify(summary, null, 2)}\n`
          : `${formatSummary(summary)}\n`,
      );
    });
}
