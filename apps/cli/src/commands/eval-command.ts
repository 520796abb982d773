import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { evaluateModel } from '@lenet/models';
import { perClassError, terminalConfusionMatrix } from '@lenet/viz';
import { checkModelFitsData } from '../data/check-model-data.js';
import { loadCommandData } from '../data/load-command-data.js';
import { addDataOptions, type DataOptions } from '../options/data-options.js';
import { formatTable } from '../output/format-table.js';
import { noticePrinter, type Terminal } from '../output/terminal.js';
import { openModel } from '../training/open-model.js';
import { writeEvaluationFigures } from '../training/write-run-figures.js';
import { startBackend } from '../backend/start-backend.js';

interface EvalOptions extends DataOptions {
  figures?: string;
  json?: boolean;
}

/** Registers `lenet eval`: test error overall and per class, confusion matrix, misclassified images. */
export function registerEvalCommand(program: Command, terminal: Terminal): void {
  const command = program
    .command('eval')
    .description(
      'Test a trained model: error overall and per class, confusion matrix, the misclassified images.',
    )
    .argument('<model>', 'a run folder from lenet train, or a folder holding model.json');
  addDataOptions(command, 'default: the data set the model was trained on')
    .option(
      '--figures <dir>',
      'where to write confusion-matrix.png and misclassified.png (default: <model>/eval)',
    )
    .option('--json', 'print the results as JSON')
    .addHelpText(
      'after',
      `
The model is tested on the test split of the data set it was trained on (a run records it),
read from the usual sources or --folder. Another data set only with --dataset.

Examples:
  $ lenet eval runs/lenet5-20261128-101500
  $ lenet eval runs/fashion --folder ~/fashion-mnist --figures fashion-eval`,
    )
    .action(async (modelFolder: string, options: EvalOptions) => {
      await startBackend();
      const opened = await openModel(modelFolder, {}, noticePrinter(terminal));
      const data = await loadCommandData(options, terminal, opened.dataset);
      const { dataset, descriptor } = data;
      checkModelFitsData(opened, data, terminal);
      const evaluation = await evaluateModel(opened.model, opened.recipe, dataset.test);
      const figuresFolder = options.figures ?? join(modelFolder, 'eval');
      await mkdir(figuresFolder, { recursive: true });
      const figures = await writeEvaluationFigures(
        figuresFolder,
        opened.recipe.name,
        evaluation,
        dataset.test,
        dataset.classNames,
      );
      const perClass = perClassError(evaluation.confusion);
      const { errorRate, errors, count } = evaluation;
      if (options.json === true) {
        terminal.out(
          `${JSON.stringify(
            {
              model: opened.origin,
              dataset: descriptor.name,
              errorRate,
              errors,
              count,
              classNames: dataset.classNames,
              perClassError: perClass,
              confusion: Array.from(evaluation.confusion),
              figures,
            },
            null,
            2,
          )}\n`,
        );
        return;
      }
      const { classes, confusion } = evaluation;
      const rows = perClass.map((rate, label) => {
        // The confusion matrix's row of a class holds every test image of it.
        const row = confusion.subarray(label * classes, (label + 1) * classes);
        const total = row.reduce((sum, value) => sum + value, 0);
        return [
          String(label),
          dataset.classNames[label] ?? String(label),
          total.toLocaleString('en-US'),
          String(total - (row[label] ?? 0)),
          `${(rate * 100).toFixed(2)}%`,
        ];
      });
      terminal.out(
        `${opened.recipe.name} from ${opened.origin} on ${count.toLocaleString('en-US')} ${descriptor.title} test images (${dataset.source.location}):\n` +
          `test error ${(errorRate * 100).toFixed(2)}% (${errors} wrong), accuracy ${((1 - errorRate) * 100).toFixed(2)}%\n\n` +
          `${formatTable(['label', 'class', 'images', 'wrong', 'error'], rows)}\n\n` +
          `confusion matrix (rows: true label, columns: read as)\n` +
          `${terminalConfusionMatrix(evaluation.confusion, { color: terminal.color })}\n\nfigures: ${figures.join(', ')}\n`,
      );
    });
}
