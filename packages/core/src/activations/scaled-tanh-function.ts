import * as tf from '@tensorflow/tfjs';

/**
 * The amplitude A of the paper's squashing function `A * tanh(S * a)`: 1.7159.
 *
 * @see LeCun et al. 1998, Appendix A.
 */
export const SCALED_TANH_AMPLITUDE = 1.7159;

/**
 * The slope S of the paper's squashing function `A * tanh(S * a)`: 2/3, so that
 * f(1) = 1 and f(-1) = -1.
 *
 * @see LeCun et al. 1998, Appendix A.
 */
export const SCALED_TANH_SLOPE = 2 / 3;

/**
 * Applies the paper's squashing function `amplitude * tanh(slope * x)` elementwise.
 *
 * @param x - Any tensor.
 * @param amplitude - A; defaults to {@link SCALED_TANH_AMPLITUDE}.
 * @param slope - S; defaults to {@link SCALED_TANH_SLOPE}.
 * @returns A tensor of the same shape as `x`.
 * @see LeCun et al. 1998, Appendix A.
 */
export function scaledTanh(
  x: tf.Tensor,
  amplitude = SCALED_TANH_AMPLITUDE,
  slope = SCALED_TANH_SLOPE,
): tf.Tensor {
  return tf.tidy(() => tf.mul(tf.tanh(tf.mul(x, slope)), amplitude));
}
