import type * as tf from '@tensorflow/tfjs';

/** One variable's place in a flat weight vector: its tfjs name and its number of values. */
export interface FlatSegment {
  /** The variable's name (a layer weight's `name`, as `model.trainableWeights` lists it). */
  readonly name: string;
  /** Its number of values. */
  readonly size: number;
}

/**
 * An optimiser whose update is a diagonally scaled gradient step, `w <- w - s * g` with a fixed
 * step size per weight until its rates change (SDLM's `eta / (mu + h_kk)`): a trainer that holds
 * the weights outside tfjs (the LeNet engine) can then make the step itself, with no tfjs
 * operation per update, and must move the weights exactly as `applyGradients` would.
 */
export interface DiagonalStep {
  /**
   * The step size s of every weight, in float32, for the variables named by `layout`
   * concatenated in that order. The same array is returned until the rates change (a new eta,
   * a new curvature estimate); do not modify it.
   *
   * @param layout - Which variable each stretch of the vector is.
   */
  diagonalStepSizes(layout: readonly FlatSegment[]): Float32Array;
  /** Counts `count` updates made with those step sizes outside the optimiser (its `iterations`). */
  countUpdates(count: number): void;
}

/**
 * Whether `optimizer` makes diagonally scaled gradient steps ({@link DiagonalStep}).
 *
 * @param optimizer - Any tfjs optimiser.
 * @returns True for optimisers such as {@link SdlmOptimizer} that implement it.
 */
export function supportsDiagonalStep(
  optimizer: tf.Optimizer,
): optimizer is tf.Optimizer & DiagonalStep {
  const candidate = optimizer as Partial<DiagonalStep>;
  return (
    typeof candidate.diagonalStepSizes === 'function' &&
    typeof candidate.countUpdates === 'function'
  );
}
