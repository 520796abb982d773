import * as tf from '@tensorflow/tfjs';

/** The optimisers `lenet train` offers. */
export const OPTIMIZER_NAMES = ['adam', 'momentum', 'sgd'] as const;
/** One of {@link OPTIMIZER_NAMES}. */
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** An optimiser whose learning rate a schedule can change between steps. */
export interface ScheduledOptimizer {
  readonly optimizer: tf.Optimizer;
  setLearningRate(learningRate: number): void;
}

class ScheduledAdam extends tf.AdamOptimizer {
  setLearningRate(learningRate: number): void {
    this.learningRate = learningRate;
  }
}

/** Builds the optimiser called `name` (Adam with the usual betas, momentum 0.9, or plain SGD). */
export function createOptimizer(name: OptimizerName, learningRate: number): ScheduledOptimizer {
  if (name === 'adam') {
    const optimizer = new ScheduledAdam(learningRate, 0.9, 0.999, 1e-7);
    return { optimizer, setLearningRate: (rate) => { optimizer.setLearningRate(rate); } };
  }
  const optimizer = name === 'momentum' ? new tf.MomentumOptimizer(learningRate, 0.9) : new tf.SGDOptimizer(learningRate);
  return { optimizer, setLearningRate: (rate) => { optimizer.setLearningRate(rate); } };
}
