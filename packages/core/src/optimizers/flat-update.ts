import type * as tf from '@tensorflow/tfjs';

/** One variable's place in a flat weight vector: its tfjs name and its number of values. */
export interface FlatSegment {
  /** The variable's name (a layer weight's `name`, as `model.trainableWeights` lists it). */
  readonly name: string;
  /** Its number of values. */
  readonly size: number;
}

/**
 * An optimiser that can also update weights held as one flat vector, without tfjs
 * operations: what lets a trainer that computes gradients outside tfjs (the LeNet engine)
 * make per-pattern steps without a tfjs call per weight. `updateFlat` must move the weights
 * exactly as `applyGradients` would move the variables.
 */
export interface FlatUpdate {
  /**
   * One step, in place: `weights` and `gradients` hold the variables named by `layout`,
   * concatenated in that order.
   *
   * @param weights - The current weights; updated in place.
   * @param gradients - d(loss)/d(weight), laid out as `weights`.
   * @param layout - Which variable each stretch of the vectors is.
   */
  updateFlat(weights: Float32Array, gradients: Float32Array, layout: readonly FlatSegment[]): void;
}

/**
 * Whether `optimizer` can update flat weight vectors ({@link FlatUpdate}).
 *
 * @param optimizer - Any tfjs optimiser.
 * @returns True for optimisers such as {@link SdlmOptimizer} that implement `updateFlat`.
 */
export function supportsFlatUpdate(optimizer: tf.Optimizer): optimizer is tf.Optimizer & FlatUpdate {
  return typeof (optimizer as Partial<FlatUpdate>).updateFlat === 'function';
}
