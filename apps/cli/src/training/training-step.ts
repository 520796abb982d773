import * as tf from '@tensorflow/tfjs';
import { rbfMapLoss, rbfMleLoss, softmaxCrossEntropy, type OutputKind } from '@lenet/core';

/** The training criteria: the paper's MLE or MAP on RBF distances, or cross-entropy on logits. */
export const LOSS_NAMES = ['map', 'mle', 'cross-entropy'] as const;
/** One of {@link LOSS_NAMES}. */
export type LossName = (typeof LOSS_NAMES)[number];

/** What one optimisation step reports. */
export interface StepResult {
  /** The batch's mean loss before the update. */
  loss: number;
  /** How many of the batch's examples the model classified correctly before the update. */
  correct: number;
}

/** The loss a model's output kind calls for, by name. */
export function lossFunction(loss: LossName, output: OutputKind): (labels: tf.Tensor, output: tf.Tensor) => tf.Scalar {
  if (output === 'logits') return softmaxCrossEntropy;
  return loss === 'mle' ? rbfMleLoss : (labels, distances) => rbfMapLoss(labels, distances);
}

/**
 * One optimisation step on a batch: forward pass, loss, gradients, update. Returns the loss
 * and the number of correct predictions of the forward pass; leaks no tensors.
 *
 * @param pixels - The batch, `[count, size, size, 1]` row-major, already scaled.
 */
export function trainingStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  computeLoss: (labels: tf.Tensor, output: tf.Tensor) => tf.Scalar,
  output: OutputKind,
  batch: { pixels: Float32Array; size: number; labels: Uint8Array },
): StepResult {
  const count = batch.labels.length;
  let predictions: tf.Tensor | undefined;
  const cost = tf.tidy((): tf.Scalar => {
    const inputs = tf.tensor4d(batch.pixels, [count, batch.size, batch.size, 1]);
    const targets = tf.oneHot(tf.tensor1d(batch.labels, 'int32'), 10).toFloat();
    const scalar = optimizer.minimize(() => {
      const result = model.apply(inputs, { training: true }) as tf.Tensor;
      predictions = tf.keep(output === 'rbf' ? tf.argMin(result, 1) : tf.argMax(result, 1));
      return computeLoss(targets, result);
    }, true);
    if (scalar === null) throw new Error('trainingStep: the optimiser returned no loss.');
    return scalar;
  });
  const loss = cost.dataSync()[0] ?? Number.NaN;
  cost.dispose();
  const predicted = predictions?.dataSync() ?? new Int32Array(0);
  predictions?.dispose();
  let correct = 0;
  for (let index = 0; index < count; index += 1) if (predicted[index] === batch.labels[index]) correct += 1;
  return { loss, correct };
}
