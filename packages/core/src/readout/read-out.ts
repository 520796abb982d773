import type * as tf from '@tensorflow/tfjs';
import { LayerArgumentError } from '../errors/layer-argument-error.js';

/** What a classifier's last layer outputs: RBF distances (small is good) or logits (large is good). */
export type OutputKind = 'rbf' | 'logits';

/** The read-out of a batch of classifier outputs. */
export interface ReadOut {
  /** The predicted class of each example: the smallest distance or the largest logit. */
  labels: number[];
  /** Per example and class, higher is better: the logits, or the negated RBF distances. */
  scores: number[][];
  /** Per example, `softmax(scores)`: for RBF outputs the paper's posterior `e^{-y_i} / sum_k e^{-y_k}`. */
  probabilities: number[][];
}

function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const exponentials = scores.map((score) => Math.exp(score - top));
  const total = exponentials.reduce((sum, value) => sum + value, 0);
  return exponentials.map((value) => value / total);
}

/**
 * Turns a classifier's outputs into labels, scores and probabilities, in one call. Reads the
 * tensor synchronously and leaves it alive (the caller owns it).
 *
 * @param output - `[batch, classes]`: RBF distances or logits.
 * @param kind - Which of the two `output` holds.
 * @returns Plain arrays, one entry per example.
 * @throws {@link LayerArgumentError} when `output` is not a non-empty `[batch, classes]` tensor.
 * @example
 * ```ts
 * const { labels, probabilities } = readOut(model.predict(images) as tf.Tensor, 'rbf');
 * ```
 * @see LeCun et al. 1998, Section II.C (the posterior of Eq. 9).
 */
export function readOut(output: tf.Tensor, kind: OutputKind): ReadOut {
  const [batch = 0, classes = 0] = output.shape;
  if (output.rank !== 2 || classes === 0) {
    throw new LayerArgumentError(
      'readOut',
      'output',
      'a [batch, classes] tensor with at least one class',
      `shape ${JSON.stringify(output.shape)}`,
    );
  }
  const values = output.dataSync();
  const sign = kind === 'rbf' ? -1 : 1;
  const scores = Array.from({ length: batch }, (_, example) =>
    Array.from(
      values.subarray(example * classes, (example + 1) * classes),
      (value) => sign * value,
    ),
  );
  const labels = scores.map((row) => row.indexOf(Math.max(...row)));
  return { labels, scores, probabilities: scores.map(softmax) };
}
