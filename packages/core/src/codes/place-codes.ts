import { LayerArgumentError } from '../errors/layer-argument-error.js';

/**
 * The "place codes" of a network whose output units are trained to targets: for class c, +1 at
 * unit c and -1 at every other unit. An {@link RbfOutput} with these codes on a layer of
 * scaled-tanh units computes the squared error to the targets, `y_c = sum_j (x_j - t_cj)^2`, so
 * the MLE criterion is the 1989 LeNet-1's mean squared error, SDLM's Gauss-Newton split applies
 * unchanged, and the smallest distance is the largest output.
 *
 * @param classes - How many output units and codes. Default 10.
 * @returns One code per class, each of length `classes`.
 * @throws {@link LayerArgumentError} for a count that is not an integer >= 2.
 * @example
 * ```ts
 * new RbfOutput({ name: 'OUTPUT_codes', codes: placeCodes(10) });
 * ```
 * @see LeCun et al. 1989 (NIPS 2), and LeCun et al. 1998, Section II.C ("place code").
 */
export function placeCodes(classes = 10): number[][] {
  if (!Number.isInteger(classes) || classes < 2)
    throw new LayerArgumentError('placeCodes', 'classes', 'an integer >= 2', String(classes));
  return Array.from({ length: classes }, (_, code) =>
    Array.from({ length: classes }, (_, unit) => (unit === code ? 1 : -1)),
  );
}
