import type * as tf from '@tensorflow/tfjs';
import { ModelOptionError } from './model-option-error.js';

/** The class count of every model factory unless told otherwise: the ten digits of MNIST. */
export const DEFAULT_CLASSES = 10;

/** The class-count option of the model factories. */
export interface ModelClassOptions {
  /**
   * How many classes the model tells apart: the units of its output layer, one per class
   * (labels 0 to `classes - 1`). An integer >= 2. Default {@link DEFAULT_CLASSES} (10).
   */
  classes?: number;
}

/**
 * A factory's `classes` option checked, or {@link DEFAULT_CLASSES} when it is undefined.
 *
 * @param owner - The factory, for the error message.
 * @param classes - The option as given.
 * @throws {@link ModelOptionError} unless `classes` is an integer >= 2.
 */
export function resolveClasses(owner: string, classes: number | undefined): number {
  const resolved = classes ?? DEFAULT_CLASSES;
  if (!Number.isInteger(resolved) || resolved < 2)
    throw new ModelOptionError(owner, 'classes', 'an integer >= 2', JSON.stringify(classes));
  return resolved;
}

/**
 * How many classes a model tells apart: the width of its output `[batch, classes]` (RBF
 * distances or logits), 10 for the LeNets built with the default.
 *
 * @param model - A classifier with one output.
 * @throws {@link ModelOptionError} for a model whose output is not `[batch, classes]` with at
 *   least 2 classes.
 * @example
 * ```ts
 * modelClasses(lenet5({ head: 'softmax', classes: 12 })); // 12
 * ```
 */
export function modelClasses(model: tf.LayersModel): number {
  const shape = model.outputs.length === 1 ? model.outputs[0]?.shape : undefined;
  const classes = shape?.length === 2 ? shape[1] : undefined;
  if (typeof classes !== 'number' || classes < 2)
    throw new ModelOptionError(
      'modelClasses',
      `output of ${model.name}`,
      'one output [batch, classes] with at least 2 classes',
      JSON.stringify(model.outputs.map((output) => output.shape)),
      'Give a classifier ending in one score per class (a Dense or RbfOutput layer).',
    );
  return classes;
}

/**
 * Checks that every label names one of `classes` classes, so that a model is never scored or
 * trained against labels it has no output for.
 *
 * @param owner - The function checking, for the error message.
 * @param labels - One label per example.
 * @param classes - The model's class count ({@link modelClasses}).
 * @throws {@link ModelOptionError} naming the first label >= `classes`.
 */
export function checkLabels(owner: string, labels: Uint8Array, classes: number): void {
  const outside = labels.findIndex((label) => label >= classes);
  if (outside < 0) return;
  throw new ModelOptionError(
    owner,
    'labels',
    `labels from 0 to ${String(classes - 1)} (the model has ${String(classes)} outputs)`,
    `label ${String(labels[outside])} at example ${String(outside)}`,
    "Use a model built for the data set's class count (a catalogue recipe's create(seed, initialisation, dataset.classes)).",
  );
}
