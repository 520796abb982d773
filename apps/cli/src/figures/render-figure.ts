import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { DIGIT_CODES } from '@lenet/core';
import type { Dataset } from '@lenet/data';
import * as viz from '@lenet/viz';
import { activationsFromModel } from '@lenet/viz/tfjs';
import { UsageError } from '../errors/usage-error.js';
import { evaluateModel, modelInputs } from '@lenet/models';
import { confusionScene, misclassifiedScene } from '../training/write-run-figures.js';
import type { OpenedModel } from '../training/open-model.js';

/** The figures `lenet viz` draws. */
export const FIGURE_NAMES = [
  'architecture',
  'rbf-codes',
  'kernels',
  'activations',
  'digits',
  'learning-curves',
  'confusion-matrix',
  'misclassified',
  'comparison',
] as const;
/** One of {@link FIGURE_NAMES}. */
export type FigureName = (typeof FIGURE_NAMES)[number];

/** What a figure may draw from. */
export interface FigureSources {
  readonly opened: OpenedModel;
  /** The digit to look at (28x28 MNIST-style bytes), for `activations`. */
  readonly digit: Uint8Array;
  /** The run folder or log file, for `learning-curves`. */
  readonly log?: string;
  /** The model's data set (MNIST unless it was trained on another), for the figures that test the model or show images. */
  readonly loadData: () => Promise<Dataset>;
}

function rbfCodes(model: tf.LayersModel): readonly ArrayLike<number>[] {
  const output = model.layers.at(-1);
  if (output?.getClassName() !== 'RbfOutput') return DIGIT_CODES;
  const [codes] = output.getWeights();
  if (codes === undefined) return DIGIT_CODES;
  const columns = tf.tidy(() => tf.transpose(codes).arraySync() as number[][]);
  return columns;
}

function activations(sources: FigureSources): viz.Scene {
  const { pixels, size } = modelInputs(
    { images: sources.digit, count: 1, height: 28, width: 28 },
    sources.opened.recipe.input,
  );
  const input = tf.tensor4d(pixels, [1, size, size, 1]);
  const layers = activationsFromModel(sources.opened.model, input);
  input.dispose();
  const output = sources.opened.recipe.output === 'rbf' ? 'penalties' : 'scores';
  return viz.activationsFigure({ layers, output });
}

async function learningCurves(sources: FigureSources): Promise<viz.Scene> {
  const file = sources.log ?? join(sources.opened.origin, '..', 'log.jsonl');
  const text = await readFile(file, 'utf8').catch((cause: unknown) => {
    throw new UsageError(
      `No training log at ${file} (${cause instanceof Error ? cause.message : String(cause)}). Pass a run folder with --model, or the log with --log.`,
    );
  });
  return viz.learningCurvesFigure({
    points: viz.parseTrainingLog(text),
    title: `${sources.opened.recipe.name}: error per epoch`,
  });
}

async function tested(
  sources: FigureSources,
  figure: 'confusion-matrix' | 'misclassified' | 'comparison',
): Promise<viz.Scene> {
  const { test, classNames } = await sources.loadData();
  const evaluation = await evaluateModel(sources.opened.model, sources.opened.recipe, test);
  const name = sources.opened.recipe.name;
  if (figure === 'confusion-matrix') return confusionScene(name, evaluation, classNames);
  if (figure === 'comparison')
    return viz.comparisonChartFigure({
      entries: [{ label: `this ${name}`, errorRate: evaluation.errorRate }],
    });
  return (
    misclassifiedScene(name, evaluation, test, classNames) ??
    viz.misclassifiedGalleryFigure({ images: [], trueLabels: [], predictedLabels: [] })
  );
}

async function digits(sources: FigureSources): Promise<viz.Scene> {
  const { test } = await sources.loadData();
  const count = 8;
  const raw = test.images.subarray(0, count * 784);
  const { pixels, size } = modelInputs(
    { images: raw, count, height: 28, width: 28 },
    sources.opened.recipe.input,
  );
  const split = (values: ArrayLike<number>, length: number) =>
    Array.from({ length: count }, (_, index) =>
      Array.from({ length }, (__, offset) => values[index * length + offset] ?? 0),
    );
  return viz.digitsFigure({
    rows: [
      { label: 'MNIST', images: split(raw, 784), width: 28, height: 28, domain: [0, 255] },
      { label: 'model input', images: split(pixels, size * size), width: size, height: size },
    ],
  });
}

/** Builds the scene of one figure for a model. */
export async function renderFigure(figure: FigureName, sources: FigureSources): Promise<viz.Scene> {
  const { model, recipe } = sources.opened;
  switch (figure) {
    case 'architecture':
      return viz.architectureFigure({ layers: viz.layersFromModel(model), title: recipe.name });
    case 'rbf-codes':
      return viz.rbfCodesFigure({ codes: rbfCodes(model) });
    case 'kernels':
      return viz.kernelsFigure({ layers: viz.kernelsFromModel(model) });
    case 'activations':
      return activations(sources);
    case 'digits':
      return digits(sources);
    case 'learning-curves':
      return learningCurves(sources);
    default:
      return tested(sources, figure);
  }
}
