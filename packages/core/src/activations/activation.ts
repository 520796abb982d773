import * as tf from '@tensorflow/tfjs';
import { LayerArgumentError } from '../errors/layer-argument-error.js';
import { scaledTanh } from './scaled-tanh-function.js';

/**
 * The activations a lenet layer can apply after its weighted sum: the paper's
 * `scaledTanh` (1.7159 tanh(2a/3)) and the common modern choices.
 */
export type LenetActivation = 'scaledTanh' | 'tanh' | 'relu' | 'sigmoid' | 'linear';

/** Every {@link LenetActivation}, in a fixed order. */
export const LENET_ACTIVATIONS: readonly LenetActivation[] = [
  'scaledTanh',
  'tanh',
  'relu',
  'sigmoid',
  'linear',
];

/**
 * Checks that `value` names a {@link LenetActivation}.
 *
 * @param owner - The class or function asking, for the error message.
 * @param value - The candidate.
 * @returns `value`, typed.
 * @throws {@link LayerArgumentError} when `value` is not one of {@link LENET_ACTIVATIONS}.
 */
export function checkActivation(owner: string, value: unknown): LenetActivation {
  const found = LENET_ACTIVATIONS.find((name) => name === value);
  if (found === undefined) {
    throw new LayerArgumentError(
      owner,
      'activation',
      `one of ${LENET_ACTIVATIONS.join(', ')}`,
      JSON.stringify(value),
    );
  }
  return found;
}

/**
 * Applies a {@link LenetActivation} elementwise.
 *
 * @param activation - Which function to apply.
 * @param x - Any tensor.
 * @returns A tensor of the same shape as `x`.
 */
export function applyActivation(activation: LenetActivation, x: tf.Tensor): tf.Tensor {
  switch (activation) {
    case 'scaledTanh':
      return scaledTanh(x);
    case 'tanh':
      return tf.tanh(x);
    case 'relu':
      return tf.relu(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'linear':
      return tf.clone(x);
  }
}
