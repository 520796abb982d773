import * as tf from '@tensorflow/tfjs';
import { ResumableAdam } from './resumable-adam.js';

/** The optimisers `lenet train` offers. */
export const OPTIMIZER_NAMES = ['adam', 'momentum', 'sgd'] as const;
/** One of {@link OPTIMIZER_NAMES}. */
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** An optimiser whose learning rate a schedule can change between steps. */
export interface ScheduledOptimizer {
  readonly optimizer: tf.Optimizer;
  setLearningRate(learningRate: number): void;
}

/**
 * Builds the optimiser called `name`: Adam with the usual betas (resumable bit for bit),
 * momentum 0.9, or plain SGD.
 */
export function createOptimizer(name: OptimizerName, learningRate: number): ScheduledOptimizer {
  const optimizer =
    name === 'adam' ? new ResumableAdam(learningRate) : name === 'momentum' ? new tf.MomentumOptimizer(learningRate, 0.9) : new tf.SGDOptimizer(learningRate);
  return {
    optimizer,
    setLearningRate: (rate) => {
      optimizer.setLearningRate(rate);
    },
  };
}
