import type * as tf from '@tensorflow/tfjs';
import type { FlatSegment } from '@lenet/core';
import { readTrainableWeights, trainableWeightSizes, writeTrainableWeights } from './flat-weights.js';

/**
 * A model's trainable weights as one flat vector that a trainer updates outside tfjs, written
 * back into the model's variables only when {@link HeldWeights.flush} is called: per-pattern
 * steps then cost no tfjs operation. While nothing is held, the model is the truth.
 */
export interface HeldWeights {
  /** The trainable weights' names and sizes, in `model.trainableWeights` order. */
  readonly layout: readonly FlatSegment[];
  /** The vector to update in place: the one held, or the model's weights read now. */
  current(): Float32Array;
  /** Records that the vector from {@link HeldWeights.current} was updated. */
  changed(): void;
  /** Writes a changed vector into the model and lets go of it (the model is the truth again). */
  flush(): void;
}

/** Holds `model`'s trainable weights for updates outside tfjs; see {@link HeldWeights}. */
export function holdWeights(model: tf.LayersModel): HeldWeights {
  const sizes = trainableWeightSizes(model);
  const layout = model.trainableWeights.map((weight, index) => ({ name: weight.name, size: sizes[index] ?? 0 }));
  let held: Float32Array | undefined;
  let dirty = false;
  return {
    layout,
    current: () => {
      held ??= readTrainableWeights(model);
      return held;
    },
    changed: () => {
      dirty = held !== undefined;
    },
    flush: () => {
      if (dirty && held !== undefined) writeTrainableWeights(model, held);
      held = undefined;
      dirty = false;
    },
  };
}
