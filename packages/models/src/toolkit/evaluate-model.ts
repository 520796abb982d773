import * as tf from '@tensorflow/tfjs';
import type { DatasetSplit } from '@lenet/data';
import { checkLabels, modelClasses } from '../class-count.js';
import type { ModelKind } from './model-catalogue.js';
import { modelInputs } from './model-inputs.js';
import { NonFiniteOutputError } from './non-finite-output-error.js';

/** A model's results on a labelled split. */
export interface Evaluation {
  /** Misclassified examples over all examples, 0..1. */
  readonly errorRate: number;
  /** How many examples were misclassified. */
  readonly errors: number;
  /** How many examples were classified. */
  readonly count: number;
  /** The predicted label of each example. */
  readonly predictions: Uint8Array;
  /** The indices of the misclassified examples, in order. */
  readonly misclassified: readonly number[];
  /** The classes the model tells apart (its output width): the confusion matrix's side. */
  readonly classes: number;
  /**
   * `classes x classes` counts, `confusion[truth * classes + predicted]` (row = true class), the
   * flat layout `perClassError` and `confusionMatrixFigure` of @lenet/viz take.
   */
  readonly confusion: Int32Array;
}

/** Options of {@link evaluateModel}. */
export interface EvaluateOptions {
  /** Examples classified per forward pass. Default {@link EVALUATION_BATCH_SIZE}. */
  readonly batchSize?: number;
}

/** The examples {@link evaluateModel} classifies per forward pass unless told otherwise: small enough for a page to stay responsive. */
export const EVALUATION_BATCH_SIZE = 500;

/**
 * Classifies every example of `split` in batches (inference, no training-time behaviour),
 * prepared as `kind` wants them and read out by its output kind (the smallest RBF distance or
 * the largest logit), and counts the errors per class, for as many classes as the model has
 * outputs. Awaits each batch's labels, so a page can paint between batches. Leaks no tensors.
 *
 * @param model - The model to test.
 * @param kind - How to feed the model and read it (a catalogue recipe, or what `recognizeModel` says).
 * @param split - 28x28 images and their labels, each below the model's class count.
 * @param options - The batch size.
 * @throws `ModelOptionError` for a model whose output is not `[batch, classes]`, or a label the
 *   model has no output for (a data set with more classes than the model).
 * @throws {@link NonFiniteOutputError} when some images gave outputs that are NaN or infinite
 *   (after classifying all of them, to say how many), instead of counting them as some label.
 * @example
 * ```ts
 * const evaluation = await evaluateModel(model, findModelRecipe('lenet5')!, dataset.test);
 * console.log(`test error ${(evaluation.errorRate * 100).toFixed(2)}%`);
 * ```
 */
export async function evaluateModel(
  model: tf.LayersModel,
  kind: ModelKind,
  split: DatasetSplit,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  const batchSize = options.batchSize ?? EVALUATION_BATCH_SIZE;
  const classes = modelClasses(model);
  checkLabels('evaluateModel', split.labels, classes);
  const predictions = new Uint8Array(split.count);
  let nonFinite = 0;
  let firstNonFinite = -1;
  const pixelsPerImage = split.height * split.width;
  for (let start = 0; start < split.count; start += batchSize) {
    const count = Math.min(batchSize, split.count - start);
    const images = split.images.subarray(start * pixelsPerImage, (start + count) * pixelsPerImage);
    const { pixels, size } = modelInputs(
      { images, count, height: split.height, width: split.width },
      kind.input,
    );
    // One read a batch: the labels, then for each image 1 when all its outputs are finite.
    const read = tf.tidy(() => {
      const output = model.predict(tf.tensor4d(pixels, [count, size, size, 1])) as tf.Tensor;
      const labels = kind.output === 'rbf' ? tf.argMin(output, 1) : tf.argMax(output, 1);
      return tf.concat([labels, tf.all(tf.isFinite(output), 1).toInt()]);
    });
    try {
      const values = await read.data();
      predictions.set(values.subarray(0, count), start);
      values.subarray(count).forEach((finite, image) => {
        if (finite !== 0) return;
        nonFinite += 1;
        if (firstNonFinite < 0) firstNonFinite = start + image;
      });
    } finally {
      read.dispose();
    }
  }
  if (nonFinite > 0) throw new NonFiniteOutputError(nonFinite, split.count, firstNonFinite);
  return scorePredictions(predictions, split.labels, classes);
}

/** The error rate, misclassified examples and `classes x classes` confusion counts of `predictions` against `labels`. */
function scorePredictions(
  predictions: Uint8Array,
  labels: Uint8Array,
  classes: number,
): Evaluation {
  const confusion = new Int32Array(classes * classes);
  const misclassified: number[] = [];
  predictions.forEach((predicted, index) => {
    const truth = labels[index] ?? 0;
    const cell = truth * classes + predicted;
    confusion[cell] = (confusion[cell] ?? 0) + 1;
    if (truth !== predicted) misclassified.push(index);
  });
  const count = predictions.length;
  return {
    errorRate: count === 0 ? 0 : misclassified.length / count,
    errors: misclassified.length,
    count,
    predictions,
    misclassified,
    classes,
    confusion,
  };
}
