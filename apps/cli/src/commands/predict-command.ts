import type { Command } from 'commander';
import * as tf from '@tensorflow/tfjs';
import { readOut } from '@lenet/core';
import { datasetNamed } from '@lenet/data';
import { modelInputs } from '@lenet/models';
import { terminalDigit } from '@lenet/viz';
import { noteModelData } from '../data/check-model-data.js';
import { PICTURE_PREPARATIONS, type PicturePreparation } from '@lenet/data';
import { readImages, type ImageInput } from '../images/read-images.js';
import { DATASET_NAMES } from '../options/data-options.js';
import { parseChoice } from '../options/parse-choice.js';
import { noticePrinter, type Terminal } from '../output/terminal.js';
import { openModel } from '../training/open-model.js';
import { startBackend } from '../backend/start-backend.js';

interface PredictOptions {
  model: string;
  dataset?: string;
  preprocess?: PicturePreparation;
  json?: boolean;
  show?: boolean;
}

/** The least ink (summed bytes over 255) an image needs to be read: a few pixels' worth. */
const LEAST_INK = 4;

/** One class and how probable the model finds it. */
interface Guess {
  label: number;
  className: string;
  probability: number;
}

/** Registers `lenet predict`: classify pictures, folders of pictures and IDX image files. */
export function registerPredictCommand(program: Command, terminal: Terminal): void {
  program
    .command('predict')
    .description(
      'Classify pictures (PNG/JPEG, either polarity), folders of them, or IDX image files, with the class names of the data set the model was trained on.',
    )
    .argument('<files...>', 'PNG or JPEG pictures, folders of them, or IDX image files')
    .requiredOption(
      '--model <dir>',
      'a run folder from lenet train, or a folder holding model.json',
    )
    .option(
      '--dataset <name>',
      `whose class names and picture preparation to use: ${DATASET_NAMES.join(', ')} (default: the data set the model was trained on)`,
      (value) => parseChoice('--dataset', value, DATASET_NAMES),
    )
    .option(
      '--preprocess <how>',
      `how pictures become 28x28 images: ${PICTURE_PREPARATIONS.join(', ')} (default: the data set's; digit for MNIST, fit for Fashion-MNIST and KMNIST)`,
      (value) => parseChoice('--preprocess', value, PICTURE_PREPARATIONS),
    )
    .option('--show', 'draw each image as the network sees it')
    .option('--json', 'print the results as JSON')
    .addHelpText(
      'after',
      `
Pictures are prepared as the model's data set was made: for digits (MNIST, EMNIST) cropped to
the ink, scaled into a 20x20 box keeping the aspect ratio and centred by centre of mass in
28x28 (--preprocess digit); for Fashion-MNIST and KMNIST the whole picture scaled into 28x28
(--preprocess fit). A picture without ink is reported as such, not classified.

Examples:
  $ lenet predict --model runs/lenet5-20261128-101500 seven.png three.jpg
  $ lenet predict --model runs/fashion photos/            # one line per picture, top three
  $ lenet predict --model runs/lenet5-20261128-101500 --json t10k-images-idx3-ubyte`,
    )
    .action(async (files: string[], options: PredictOptions) => {
      await startBackend();
      const opened = await openModel(options.model, {}, noticePrinter(terminal));
      const recorded = opened.dataset;
      const descriptor = datasetNamed(options.dataset ?? recorded?.name ?? 'mnist');
      noteModelData(opened, descriptor, terminal);
      const classNames =
        options.dataset === undefined && recorded !== undefined
          ? recorded.classNames
          : (descriptor.classNames ?? []);
      const preparation =
        options.preprocess ??
        (options.dataset === undefined && recorded !== undefined
          ? recorded.pictures
          : (descriptor.pictures ?? 'digit'));
      const images = (await Promise.all(files.map((file) => readImages(file, preparation)))).flat();
      const guesses = classify(opened, images, classNames);
      const rows = images.map((image, index) => {
        const top = guesses[index] ?? [];
        const inked = image.pixels.reduce((sum, value) => sum + value, 0) / 255 >= LEAST_INK;
        return inked
          ? { file: image.name, ...top[0]!, top: top.slice(0, 3) }
          : {
              file: image.name,
              label: null,
              className: null,
              probability: null,
              top: [],
              note: 'no ink found',
            };
      });
      if (options.json === true) {
        terminal.out(
          `${JSON.stringify({ model: opened.origin, preprocess: preparation, results: rows }, null, 2)}\n`,
        );
        return;
      }
      rows.forEach((row, index) => {
        if (options.show === true)
          terminal.out(
            `${terminalDigit(images[index]?.pixels ?? new Uint8Array(784), 28, 28, { color: terminal.color })}\n`,
          );
        if (row.label === null) {
          terminal.out(`${row.file}: no ink found (a blank picture?)\n`);
          return;
        }
        const runnersUp = row.top
          .slice(1)
          .map((guess) => `${guess.className} ${percent(guess.probability)}`)
          .join(', ');
        terminal.out(
          `${row.file}: ${row.className} ${percent(row.probability)}${runnersUp === '' ? '' : `  (then ${runnersUp})`}\n`,
        );
      });
    });
}

function percent(probability: number): string {
  return `${(probability * 100).toFixed(1)}%`;
}

/** Every image's classes, most probable first. */
function classify(
  opened: Awaited<ReturnType<typeof openModel>>,
  images: readonly ImageInput[],
  classNames: readonly string[],
): Guess[][] {
  const pixels = new Uint8Array(images.length * 784);
  images.forEach((image, index) => {
    pixels.set(image.pixels, index * 784);
  });
  const input = modelInputs(
    { images: pixels, count: images.length, height: 28, width: 28 },
    opened.recipe.input,
  );
  const output = tf.tidy(
    () =>
      opened.model.predict(
        tf.tensor4d(input.pixels, [images.length, input.size, input.size, 1]),
      ) as tf.Tensor,
  );
  const result = readOut(output, opened.recipe.output);
  output.dispose();
  return images.map((_, index) =>
    (result.probabilities[index] ?? [])
      .map((probability, label) => ({
        label,
        className: classNames[label] ?? String(label),
        probability,
      }))
      .sort((first, second) => second.probability - first.probability),
  );
}
