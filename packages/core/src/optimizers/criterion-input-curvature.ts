import * as tf from '@tensorflow/tfjs';

/** The RBF criteria SDLM's curvature can start from. */
export type SdlmCriterion = 'mle' | 'map';

/**
 * The second derivative of a criterion with respect to each RBF input `x_j`, per pattern:
 * where the paper's Gauss-Newton recursion starts.
 *
 * - `mle`, `E = y_D = sum_j (x_j - w_Dj)^2`: 2 for every input.
 * - `map`, `E = y_D + log(e^{-j} + sum_i e^{-y_i})`: with `p_i = e^{-y_i} / (e^{-j} + sum_k e^{-y_k})`
 *   and `g_ij = dy_i/dx_j = 2 (x_j - w_ij)`, the exact diagonal is
 *   `2 (1 - sum_i p_i) + sum_i p_i g_ij^2 - (sum_i p_i g_ij)^2`, never negative. Since
 *   `dE/dy_i = [i = D] - p_i` sums to `1 - sum_i p_i`, the first term is the criterion's slope times
 *   the distances' curvature 2 (the MLE's 2 when the rubbish class takes nothing); the others are
 *   the log term's own curvature, the variance of `g_ij` under p.
 *
 * @param criterion - `mle` or `map`.
 * @param inputs - The RBF layer's inputs `[batch, n]`.
 * @param codes - The RBF codes as the layer stores them, `[n, classes]`.
 * @param mapConstant - j, for `map`.
 * @returns `[batch, n]`. The caller disposes it.
 * @see LeCun et al. 1998, Section II.C (Eq. 9) and Appendix C.
 */
export function criterionInputCurvature(
  criterion: SdlmCriterion,
  inputs: tf.Tensor,
  codes: tf.Tensor,
  mapConstant: number,
): tf.Tensor {
  return tf.tidy(() => {
    if (criterion === 'mle') return tf.fill(inputs.shape, 2);
    const x = tf.expandDims(inputs, 1);
    const differences = tf.sub(x, tf.expandDims(tf.transpose(codes), 0));
    const distances = tf.sum(tf.square(differences), -1);
    const rubbish = tf.fill([inputs.shape[0], 1], -mapConstant);
    const shares = tf.slice(
      tf.softmax(tf.concat([tf.neg(distances), rubbish], -1)),
      [0, 0],
      [-1, distances.shape[1] ?? 0],
    );
    const slopes = tf.mul(differences, 2);
    const weights = tf.expandDims(shares, -1);
    const slopeTerm = tf.mul(tf.sub(1, tf.sum(shares, -1, true)), 2);
    const spread = tf.sub(
      tf.sum(tf.mul(weights, tf.square(slopes)), 1),
      tf.square(tf.sum(tf.mul(weights, slopes), 1)),
    );
    return tf.add(slopeTerm, spread);
  });
}
