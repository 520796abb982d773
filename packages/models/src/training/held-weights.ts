import type * as tf from '@tensorflow/tfjs';
import type { EngineCriterion, GradientShare, LenetEngine } from '@lenet/core';
import type { TrainingBatch } from './batch-gradients.js';
import type { FlatGradients } from './flat-gradients.js';
import { engineOptimizer, type EngineOptimizer } from './engine-optimizer.js';
import {
  readTrainableWeights,
  trainableWeightSizes,
  writeTrainableWeights,
} from './flat-weights.js';

/** The engine holding the weights for one optimiser, whose updates it makes. */
export interface Hold {
  /** A copy of the weights held (into `target` when given): the ones the next gradient is to be taken at. */
  weights(target?: Float32Array): Float32Array;
  /**
   * The loss, correct read-outs and gradient of `batch` at the weights held, computed in the
   * engine, which also keeps the gradient for an {@link Hold.apply} whose first share is
   * `'held'`. The gradient vector is the hold's own, overwritten by the next call.
   */
  gradients(batch: TrainingBatch, criterion: EngineCriterion): FlatGradients;
  /** One update of the optimiser in the engine, with a gradient computed elsewhere (one vector, or shares to average; see `LenetEngine.applyUpdate`). */
  apply(gradients: Float32Array | readonly GradientShare[]): void;
}

/**
 * A model's trainable weights (and the optimiser's state) held in the LeNet engine while it
 * makes the optimiser's updates itself ({@link engineOptimizer}: SDLM, SGD, momentum, Adam) with
 * no tfjs operation per step, written back into the model's and the optimiser's variables only
 * at {@link HeldWeights.flush}. While nothing is held, the model and the optimiser are the truth.
 */
export interface HeldWeights {
  /**
   * The engine's hold for `optimizer` (taken now, after a flush when another optimiser was
   * held), or undefined when the engine cannot make its updates.
   */
  holdFor(optimizer: tf.Optimizer): Hold | undefined;
  /** Writes the engine's weights into the model and its state into the optimiser, and lets go of them. */
  flush(): void;
}

/** Lets `engine` hold `model`'s weights for updates outside tfjs; see {@link HeldWeights}. */
export function holdWeights(model: tf.LayersModel, engine: LenetEngine): HeldWeights {
  const sizes = trainableWeightSizes(model);
  const layout = model.trainableWeights.map((weight, index) => ({
    name: weight.name,
    size: sizes[index] ?? 0,
  }));
  const shapes = model.trainableWeights.map((weight) => weight.shape as number[]);
  let held: { side: EngineOptimizer; hold: Hold } | undefined;
  const flush = (): void => {
    if (held === undefined) return;
    writeTrainableWeights(model, engine.weights());
    held.side.store(engine);
    held = undefined;
  };
  return {
    holdFor: (optimizer) => {
      if (held?.side.optimizer === optimizer) return held.hold;
      const side = engineOptimizer(optimizer, layout, shapes);
      if (side === undefined) return undefined;
      flush();
      engine.setWeights(readTrainableWeights(model));
      side.load(engine);
      const gradientCopy = new Float32Array(engine.plan.parameters);
      const hold: Hold = {
        weights: (target) => engine.weights(target),
        gradients: (batch, criterion) => engine.gradients(batch, criterion, gradientCopy),
        apply: (gradients) => {
          engine.applyUpdate(side.next(engine), gradients);
        },
      };
      held = { side, hold };
      return hold;
    },
    flush,
  };
}
