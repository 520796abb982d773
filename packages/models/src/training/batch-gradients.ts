import * as tf from '@tensorflow/tfjs';
import { checkLabels, modelClasses } from '../class-count.js';
import { criterionLoss, criterionOutput, type TrainingCriterion } from './training-criterion.js';

/** A batch of training images as plain arrays. */
export interface TrainingBatch {
  /** `[count, size, size, 1]` row-major, already scaled for the model. */
  readonly pixels: Float32Array;
  /** The side of the square input. */
  readonly size: number;
  /** One label per image, below the model's class count (0-9 for digits). */
  readonly labels: Uint8Array;
}

/** The gradients of one batch's mean loss, with the forward pass's loss and hits. */
export interface BatchGradients {
  /** The batch's mean loss. */
  readonly loss: number;
  /** How many of the batch's images the forward pass classified correctly. */
  readonly correct: number;
  /** One gradient per trainable weight, in `model.trainableWeights` order; the caller disposes them. */
  readonly gradients: tf.Tensor[];
}

/**
 * The gradients of a batch's mean loss with respect to every trainable weight of `model`,
 * from one forward and one backward pass. Leaks no tensors besides the returned gradients.
 *
 * @param model - Any LeNet (or other) classifier with one output per class.
 * @param criterion - The loss, see {@link TrainingCriterion}.
 * @param batch - The images and labels.
 * @throws `ModelOptionError` for a model whose output is not `[batch, classes]`, or a label
 *   the model has no output for.
 * @example
 * ```ts
 * const { loss, gradients } = batchGradients(model, 'map', batch);
 * tf.dispose(gradients);
 * ```
 */
export function batchGradients(
  model: tf.LayersModel,
  criterion: TrainingCriterion,
  batch: TrainingBatch,
): BatchGradients {
  const count = batch.labels.length;
  const classes = modelClasses(model);
  checkLabels('batchGradients', batch.labels, classes);
  const computeLoss = criterionLoss(criterion);
  let predictions: tf.Tensor | undefined;
  const { value, grads } = tf.tidy(() => {
    const inputs = tf.tensor4d(batch.pixels, [count, batch.size, batch.size, 1]);
    const targets = tf.oneHot(tf.tensor1d(batch.labels, 'int32'), classes).toFloat();
    return tf.variableGrads(() => {
      const output = model.apply(inputs, { training: true }) as tf.Tensor;
      predictions = tf.keep(
        criterionOutput(criterion) === 'rbf' ? tf.argMin(output, 1) : tf.argMax(output, 1),
      );
      return computeLoss(targets, output);
    });
  });
  const loss = value.dataSync()[0] ?? Number.NaN;
  value.dispose();
  const predicted = predictions?.dataSync() ?? new Int32Array(0);
  predictions?.dispose();
  let correct = 0;
  for (let index = 0; index < count; index += 1)
    if (predicted[index] === batch.labels[index]) correct += 1;
  // tfjs names a layer weight's variable as the weight. A weight off the loss's path (none in
  // the LeNets) has a zero gradient; tfjs leaves it out. Gradients of other models' variables
  // (tfjs differentiates every trainable variable) are dropped.
  const gradients = model.trainableWeights.map(
    (weight) => grads[weight.name] ?? tf.zerosLike(weight.read()),
  );
  const kept = new Set(gradients);
  tf.dispose(Object.values(grads).filter((gradient) => !kept.has(gradient)));
  return { loss, correct, gradients };
}
