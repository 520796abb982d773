import * as tf from '@tensorflow/tfjs';
import { checkFiniteNumber } from '../layers/layer-support.js';

/**
 * Our default for the MAP criterion's constant j: 10, in the RBF outputs' units (squared
 * distances). The paper gives no value. With j = 10 the penalty pushes apart every wrong
 * class whose distance is within about 10 of the input, and lets farther ones be.
 */
export const DEFAULT_MAP_CONSTANT = 10;

/**
 * The paper's maximum-likelihood (MLE) criterion: the mean over the batch of the correct
 * class's RBF output, `E = mean_p y_{D_p}`. A tfjs loss function: pass it to
 * `model.compile({ loss: rbfMleLoss })`.
 *
 * @param labels - One-hot labels `[batch, classes]`.
 * @param distances - RBF outputs `[batch, classes]`.
 * @returns A scalar.
 * @see LeCun et al. 1998, Section II.C (Eq. 8).
 */
export function rbfMleLoss(labels: tf.Tensor, distances: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.sum(tf.mul(labels, distances), -1)));
}

/**
 * The paper's maximum a posteriori (MAP) criterion,
 * `E = mean_p ( y_{D_p} + log( e^{-j} + sum_i e^{-y_i} ) )`, computed stably with
 * log-sum-exp. The e^{-j} term is a "rubbish class" at distance j; the criterion keeps RBF
 * centres from collapsing when they are learned.
 *
 * @param labels - One-hot labels `[batch, classes]`.
 * @param distances - RBF outputs `[batch, classes]`.
 * @param constant - j > 0. Default {@link DEFAULT_MAP_CONSTANT} (10).
 * @returns A scalar.
 * @see LeCun et al. 1998, Section II.C (Eq. 9).
 */
export function rbfMapLoss(
  labels: tf.Tensor,
  distances: tf.Tensor,
  constant = DEFAULT_MAP_CONSTANT,
): tf.Scalar {
  checkFiniteNumber('rbfMapLoss', 'constant', constant);
  return tf.tidy(() => {
    const correct = tf.sum(tf.mul(labels, distances), -1);
    const rubbish = tf.mul(tf.onesLike(tf.expandDims(correct, -1)), -constant);
    const competition = tf.logSumExp(tf.concat([tf.neg(distances), rubbish], -1), -1);
    return tf.mean(tf.add(correct, competition));
  });
}

/**
 * Returns the MAP criterion with a chosen j as a two-argument tfjs loss function.
 *
 * @param constant - j > 0. Default {@link DEFAULT_MAP_CONSTANT} (10).
 * @example
 * ```ts
 * model.compile({ optimizer: 'sgd', loss: createRbfMapLoss(5) });
 * ```
 * @throws {@link LayerArgumentError} when j is not a finite number.
 */
export function createRbfMapLoss(
  constant = DEFAULT_MAP_CONSTANT,
): (labels: tf.Tensor, distances: tf.Tensor) => tf.Scalar {
  checkFiniteNumber('createRbfMapLoss', 'constant', constant);
  return (labels, distances) => rbfMapLoss(labels, distances, constant);
}

/**
 * Softmax cross-entropy from logits, for modern (dense + softmax) heads:
 * `mean_p -log softmax(z_p)_{D_p}`.
 *
 * @param labels - One-hot labels `[batch, classes]`.
 * @param logits - Unnormalised scores `[batch, classes]`.
 * @returns A scalar.
 */
export function softmaxCrossEntropy(labels: tf.Tensor, logits: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.neg(tf.sum(tf.mul(labels, tf.logSoftmax(logits)), -1))));
}
