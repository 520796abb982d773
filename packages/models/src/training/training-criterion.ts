import type * as tf from '@tensorflow/tfjs';
import { rbfMapLoss, rbfMleLoss, softmaxCrossEntropy, type OutputKind } from '@lenet/core';

/**
 * The training criteria: the paper's MLE or MAP on RBF distances (`map`, `mle`), or
 * cross-entropy on logits (`cross-entropy`).
 */
export const TRAINING_CRITERIA = ['map', 'mle', 'cross-entropy'] as const;
/** One of {@link TRAINING_CRITERIA}. */
export type TrainingCriterion = (typeof TRAINING_CRITERIA)[number];

/**
 * The criterion a model's output calls for: logits always train with cross-entropy, RBF
 * distances with the requested `map` or `mle`.
 *
 * @param requested - The criterion asked for (ignored for logits).
 * @param output - What the model's last layer outputs.
 */
export function criterionFor(requested: TrainingCriterion, output: OutputKind): TrainingCriterion {
  if (output === 'logits') return 'cross-entropy';
  return requested === 'cross-entropy' ? 'map' : requested;
}

/** What a model trained with `criterion` outputs: logits for cross-entropy, RBF distances otherwise. */
export function criterionOutput(criterion: TrainingCriterion): OutputKind {
  return criterion === 'cross-entropy' ? 'logits' : 'rbf';
}

/**
 * The loss function of a criterion, `(oneHotLabels, outputs) => mean loss`.
 *
 * @see LeCun et al. 1998, Section II.C (MLE, and MAP with the paper's constant j).
 */
export function criterionLoss(
  criterion: TrainingCriterion,
): (labels: tf.Tensor, output: tf.Tensor) => tf.Scalar {
  if (criterion === 'cross-entropy') return softmaxCrossEntropy;
  return criterion === 'mle' ? rbfMleLoss : (labels, distances) => rbfMapLoss(labels, distances);
}
