import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import type { Dataset } from '@lenet/data';
import { loadCommandData } from '../data/load-command-data.js';
import { addDataOptions, type DataOptions } from '../options/data-options.js';
import { writePng, writeSvg } from '@lenet/viz/node';
import { readImages } from '../images/read-images.js';
import { parseChoice } from '../options/parse-choice.js';
import { parseNumber } from '../options/parse-number.js';
import { noticePrinter, type Terminal } from '../output/terminal.js';
import { FIGURE_NAMES, renderFigure, type FigureName } from '../figures/render-figure.js';
import { openModel } from '../training/open-model.js';
import { UsageError } from '../errors/usage-error.js';
import { startBackend } from '../backend/start-backend.js';

interface VizOptions extends DataOptions {
  model: string;
  input?: string;
  index: number;
  log?: string;
  out?: string;
  scale: number;
}

/** Registers `lenet viz`: write any figure of @lenet/viz for a model and an input. */
export function registerVizCommand(program: Command, terminal: Terminal): void {
  const command = program
    .command('viz')
    .description("Draw one of the paper's figures for a model, as PNG or SVG.")
    .argument('<figure>', FIGURE_NAMES.join(', '), (value) =>
      parseChoice('<figure>', value, FIGURE_NAMES),
    )
    .option('--model <name-or-dir>', 'a model name (fresh weights) or a run folder', 'lenet5')
    .option(
      '--input <file>',
      'for activations: a PNG/JPEG digit or an IDX file (default: the first MNIST test digit)',
    )
    .option(
      '--index <n>',
      'which image of an IDX --input',
      (value) => parseNumber('--index', value, { integer: true, minimum: 0 }),
      0,
    )
    .option('--log <file>', "for learning-curves: the run's log.jsonl (default: the run folder's)");
  addDataOptions(command, "default: the model's own, else mnist")
    .option('--out <file>', 'the file to write, .png or .svg (default: <figure>.png)')
    .option(
      '--scale <n>',
      'pixel scale of PNG output',
      (value) => parseNumber('--scale', value, { minimum: 1 }),
      2,
    )
    .addHelpText(
      'after',
      `
Examples:
  $ lenet viz architecture --model lenet1 --out lenet1.svg
  $ lenet viz activations --model runs/lenet5-20261128-101500 --input seven.png
  $ lenet viz confusion-matrix --model runs/lenet5-20261128-101500 --out confusion.png`,
    )
    .action(async (figure: FigureName, options: VizOptions) => {
      await startBackend();
      const opened = await openModel(options.model, {}, noticePrinter(terminal));
      let dataset: Promise<Dataset> | undefined;
      const loadData = () =>
        (dataset ??= loadCommandData(options, terminal, opened.dataset).then(
          (data) => data.dataset,
        ));
      const digit =
        options.input === undefined
          ? (await loadData()).test.images.subarray(0, 784)
          : await pickDigit(options.input, options.index, opened.dataset?.pictures ?? 'digit');
      const scene = await renderFigure(figure, {
        opened,
        digit,
        loadData,
        ...(options.log === undefined ? {} : { log: options.log }),
      });
      const out = options.out ?? `${figure}.png`;
      await mkdir(dirname(out), { recursive: true });
      if (out.endsWith('.svg')) await writeSvg(scene, out);
      else await writePng(scene, out, { scale: options.scale });
      terminal.out(`wrote ${out} (${scene.width}x${scene.height})\n`);
    });
}

async function pickDigit(
  file: string,
  index: number,
  preparation: 'digit' | 'fit',
): Promise<Uint8Array> {
  const digits = await readImages(file, preparation);
  const chosen = digits[index];
  if (chosen === undefined)
    throw new UsageError(
      `${file} holds ${digits.length} image(s); --index ${index} is past the end.`,
    );
  return chosen.pixels;
}
