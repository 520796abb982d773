import type { Command } from 'commander';
import * as tf from '@tensorflow/tfjs';
import { INITIALISATION_SCHEMES, type InitialisationScheme } from '@lenet/core';
import { gather } from '@lenet/data';
import { loadCommandData } from '../data/load-command-data.js';
import { addDataOptions, type DataOptions } from '../options/data-options.js';
import { curvatureSampleIndices, modelInputs } from '@lenet/models';
import { UsageError } from '../errors/usage-error.js';
import { parseChoice } from '../options/parse-choice.js';
import { parseNumber } from '../options/parse-number.js';
import { formatTable } from '../output/format-table.js';
import { noticePrinter, type Terminal } from '../output/terminal.js';
import { checkCurvature, type CurvatureCheck } from '../training/curvature-check.js';
import { openModel } from '../training/open-model.js';
import { startBackend } from '../backend/start-backend.js';

interface CurvatureOptions extends DataOptions {
  initialisation: InitialisationScheme;
  seed: number;
  pass: number;
  json?: boolean;
}

const number = (value: number) => value.toExponential(2);

/** The report of {@link checkCurvature} as two tables: h_kk per layer, and the checked weights. */
export function formatCurvatureCheck(check: CurvatureCheck): string {
  const layers = formatTable(
    ['layer', 'output RMS', 'weights', 'h min', 'h median', 'h max'],
    check.layers.map((layer) => [
      layer.layer,
      layer.outputRms.toFixed(4),
      String(layer.weights),
      number(layer.curvature.min),
      number(layer.curvature.median),
      number(layer.curvature.max),
    ]),
  );
  const weights = formatTable(
    [
      'weight',
      'layerwise h_kk',
      'Gauss-Newton (finite differences)',
      'true d2E/dw2 (finite differences)',
    ],
    check.layers.flatMap((layer) =>
      layer.checks.map((entry) => [
        entry.weight,
        number(entry.layerwise),
        number(entry.gaussNewton),
        number(entry.hessian),
      ]),
    ),
  );
  const share = `${(check.belowThreshold * 100).toFixed(1)}% of the weights have h_kk < ${String(check.threshold)}`;
  return `SDLM curvature on ${String(check.patterns)} training patterns (MLE criterion)\n\n${layers}\n\n${share}\n\nThe weights with each layer's smallest, median and largest h_kk:\n\n${weights}\n`;
}

/** Registers `lenet curvature`: SDLM's curvature estimate of a model, checked by finite differences. */
export function registerCurvatureCommand(program: Command, terminal: Terminal): void {
  const command = program
    .command('curvature')
    .description(
      "Check SDLM's curvature estimate h_kk of a model (fresh or trained) per layer against finite differences.",
    )
    .argument(
      '[model]',
      'a model name with an RBF head (lenet5, lenet1-place-code) or a run/model folder',
      'lenet5',
    )
    .option(
      '--initialisation <scheme>',
      `how a fresh model starts: ${INITIALISATION_SCHEMES.join(', ')}`,
      (value) => parseChoice('--initialisation', value, INITIALISATION_SCHEMES),
      'paper',
    )
    .option(
      '--seed <n>',
      "the fresh model's seed and the patterns' draw",
      (value) => parseNumber('--seed', value, { integer: true, minimum: 0 }),
      1,
    )
    .option(
      '--pass <n>',
      'draw the 500 patterns a run would use before this pass',
      (value) => parseNumber('--pass', value, { integer: true, minimum: 1 }),
      1,
    );
  addDataOptions(command, "default: a run's own, else mnist")
    .option('--json', 'print the measurements as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ lenet curvature                               # LeNet-5 as the paper's text initialises it
  $ lenet curvature --initialisation eblearn      # as LeCun's lab code does
  $ lenet curvature runs/reproduce/lenet5-seed1   # a trained run`,
    )
    .action(async (name: string, options: CurvatureOptions) => {
      await startBackend();
      const {
        model,
        recipe,
        dataset: recorded,
      } = await openModel(
        name,
        {
          seed: options.seed,
          initialisation: options.initialisation,
        },
        noticePrinter(terminal),
      );
      const { dataset } = await loadCommandData(options, terminal, recorded);
      if (recipe.output !== 'rbf')
        throw new UsageError(
          `${recipe.name} has a softmax head; SDLM's curvature needs an RBF head. Try lenet5 or lenet1-place-code.`,
        );
      const sample = gather(
        dataset.train,
        curvatureSampleIndices(dataset.train.count, options.seed, options.pass),
      );
      const { pixels, size } = modelInputs(sample, recipe.input);
      const inputs = tf.tensor4d(pixels, [sample.count, size, size, 1]);
      try {
        const check = await checkCurvature(model, inputs, sample.labels);
        terminal.out(
          options.json === true
            ? `${JSON.stringify(check, null, 2)}\n`
            : formatCurvatureCheck(check),
        );
      } finally {
        inputs.dispose();
      }
    });
}
