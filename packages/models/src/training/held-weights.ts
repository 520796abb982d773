import type * as tf from '@tensorflow/tfjs';
import type { DiagonalStep, EngineCriterion, LenetEngine } from '@lenet/core';
import type { TrainingBatch } from './batch-gradients.js';
import type { StepResult } from './create-trainer.js';
import { readTrainableWeights, trainableWeightSizes, writeTrainableWeights } from './flat-weights.js';

/**
 * A model's trainable weights held in the LeNet engine while it makes diagonally scaled
 * gradient steps itself (SDLM's per-pattern updates with no tfjs operation), written back into
 * the model's variables only at {@link HeldWeights.flush}. While nothing is held, the model is
 * the truth.
 */
export interface HeldWeights {
  /** One step of `optimizer` on `batch` in the engine; the first one takes the model's weights. */
  descend(optimizer: DiagonalStep, batch: TrainingBatch, criterion: EngineCriterion): StepResult;
  /** Writes the engine's weights into the model and lets go of them (the model is the truth again). */
  flush(): void;
}

/** Lets `engine` hold `model`'s weights for steps outside tfjs; see {@link HeldWeights}. */
export function holdWeights(model: tf.LayersModel, engine: LenetEngine): HeldWeights {
  const sizes = trainableWeightSizes(model);
  const layout = model.trainableWeights.map((weight, index) => ({ name: weight.name, size: sizes[index] ?? 0 }));
  let holding = false;
  let loadedSteps: Float32Array | undefined;
  return {
    descend: (optimizer, batch, criterion) => {
      if (!holding) engine.setWeights(readTrainableWeights(model));
      holding = true;
      const steps = optimizer.diagonalStepSizes(layout);
      if (steps !== loadedSteps) engine.setStepSizes(steps);
      loadedSteps = steps;
      const result = engine.descend(batch, criterion);
      optimizer.countUpdates(1);
      return result;
    },
    flush: () => {
      if (holding) writeTrainableWeights(model, engine.weights());
      holding = false;
    },
  };
}
