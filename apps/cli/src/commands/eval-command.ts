import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { setupBackend } from '@lenet/core';
import { loadMnist, type DataSourceKind } from '@lenet/data';
import { evaluateModel } from '@lenet/models';
import { perClassError, terminalConfusionMatrix } from '@lenet/viz';
import { parseSourceOption } from '../options/source-option.js';
import type { Terminal } from '../output/terminal.js';
import { openModel } from '../training/open-model.js';
import { writeEvaluationFigures } from '../training/write-run-figures.js';

interface EvalOptions {
  folder?: string;
  source?: DataSourceKind;
  figures?: string;
  json?: boolean;
}

/** Registers `lenet eval`: test error overall and per class, confusion matrix, misclassified digits. */
export function registerEvalCommand(program: Command, terminal: Terminal): void {
  program
    .command('eval')
    .description(
      'Test a trained model: error overall and per class, confusion matrix, the misclassified digits.',
    )
    .argument('<model>', 'a run folder from lenet train, or a folder holding model.json')
    .option(
      '--folder <dir>',
      'the IDX dataset folder to test on (MNIST layout: t10k-images-idx3-ubyte, ...); default: MNIST from the usual sources',
    )
    .option(
      '--source <kind>',
      'use only this MNIST source: folder, environment, cache, package, download',
      parseSourceOption,
    )
    .option(
      '--figures <dir>',
      'where to write confusion-matrix.png and misclassified.png (default: <model>/eval)',
    )
    .option('--json', 'print the results as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ lenet eval runs/lenet5-20261128-101500
  $ lenet eval runs/lenet5-20261128-101500 --folder ~/fashion-mnist --figures fashion-eval`,
    )
    .action(async (modelFolder: string, options: EvalOptions) => {
      await setupBackend();
      const opened = await openModel(modelFolder);
      const dataset = await loadMnist({ folder: options.folder, source: options.source });
      const evaluation = await evaluateModel(opened.model, opened.recipe, dataset.test);
      const figuresFolder = options.figures ?? join(modelFolder, 'eval');
      await mkdir(figuresFolder, { recursive: true });
      const figures = await writeEvaluationFigures(
        figuresFolder,
        opened.recipe.name,
        evaluation,
        dataset.test,
      );
      const perClass = perClassError(evaluation.confusion);
      if (options.json === true) {
        const { errorRate, errors, count } = evaluation;
        terminal.out(
          `${JSON.stringify({ model: opened.origin, errorRate, errors, count, perClassError: perClass, confusion: Array.from(evaluation.confusion), figures }, null, 2)}\n`,
        );
        return;
      }
      terminal.out(
        `${opened.recipe.name} from ${opened.origin} on ${dataset.test.count.toLocaleString('en-US')} test digits (${dataset.source.location}):\n` +
          `test error ${(evaluation.errorRate * 100).toFixed(2)}% (${evaluation.errors} wrong)\n\n` +
          `${terminalConfusionMatrix(evaluation.confusion, { color: terminal.color })}\n\nfigures: ${figures.join(', ')}\n`,
      );
    });
}
