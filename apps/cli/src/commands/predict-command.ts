import type { Command } from 'commander';
import * as tf from '@tensorflow/tfjs';
import { readOut, setupBackend } from '@lenet/core';
import { modelInputs } from '@lenet/models';
import { terminalDigit } from '@lenet/viz';
import type { Terminal } from '../output/terminal.js';
import { readDigits } from '../images/read-digits.js';
import { openModel } from '../training/open-model.js';

interface PredictOptions {
  model: string;
  json?: boolean;
  show?: boolean;
}

/** Registers `lenet predict`: classify pictures of digits and IDX image files. */
export function registerPredictCommand(program: Command, terminal: Terminal): void {
  program
    .command('predict')
    .description(
      'Classify digits: PNG/JPEG pictures (dark on light or light on dark) or IDX image files.',
    )
    .argument('<files...>', 'PNG or JPEG pictures of single digits, or IDX files of 28x28 images')
    .requiredOption(
      '--model <dir>',
      'a run folder from lenet train, or a folder holding model.json',
    )
    .option('--show', 'draw each digit as the network sees it')
    .option('--json', 'print the results as JSON')
    .addHelpText(
      'after',
      `
Pictures go through MNIST's preprocessing: cropped to the ink, scaled into a 20x20 box
keeping the aspect ratio, and centred by centre of mass in 28x28.

Examples:
  $ lenet predict --model runs/lenet5-20261128-101500 seven.png three.jpg
  $ lenet predict --model runs/lenet5-20261128-101500 --json t10k-images-idx3-ubyte`,
    )
    .action(async (files: string[], options: PredictOptions) => {
      await setupBackend();
      const opened = await openModel(options.model);
      const digits = (await Promise.all(files.map(readDigits))).flat();
      const pixels = new Uint8Array(digits.length * 784);
      digits.forEach((digit, index) => {
        pixels.set(digit.pixels, index * 784);
      });
      const input = modelInputs(
        { images: pixels, count: digits.length, height: 28, width: 28 },
        opened.recipe.input,
      );
      const output = tf.tidy(
        () =>
          opened.model.predict(
            tf.tensor4d(input.pixels, [digits.length, input.size, input.size, 1]),
          ) as tf.Tensor,
      );
      const result = readOut(output, opened.recipe.output);
      output.dispose();
      const rows = digits.map((digit, index) => ({
        file: digit.name,
        label: result.labels[index] ?? -1,
        probability: result.probabilities[index]?.[result.labels[index] ?? 0] ?? 0,
        scores: result.scores[index] ?? [],
      }));
      if (options.json === true) {
        terminal.out(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      rows.forEach((row, index) => {
        if (options.show === true)
          terminal.out(
            `${terminalDigit(digits[index]?.pixels ?? new Uint8Array(784), 28, 28, { color: terminal.color })}\n`,
          );
        terminal.out(
          `${row.file}: ${row.label}  (probability ${(row.probability * 100).toFixed(1)}%)\n`,
        );
      });
    });
}
