import type { InitialisationScheme } from '@lenet/core';
import type { TrainingCriterion } from '../training/training-criterion.js';
import type { OptimizerName } from './create-optimizer.js';
import type { ScheduleName } from './learning-rate-schedule.js';

/** The settings a training run takes when it is given none: `lenet train`'s defaults, which the web page trains with too. */
export interface TrainingDefaults {
  /** The catalogue name of the model. */
  readonly model: string;
  /** Passes over the training set. */
  readonly epochs: number;
  /** Images per update. */
  readonly batchSize: number;
  /** The optimiser (its default rate: `defaultLearningRate`). */
  readonly optimizer: OptimizerName;
  /** The learning-rate schedule. */
  readonly schedule: ScheduleName;
  /** The criterion for RBF heads (logits always train with cross-entropy). */
  readonly loss: TrainingCriterion;
  /** The seed of the initialisation, the batch order and the distortions. */
  readonly seed: number;
  /** How the weights start. */
  readonly initialisation: InitialisationScheme;
  /** Whether to train on the paper's distorted pool. */
  readonly distortions: boolean;
  /** What computes the gradients: the LeNet engine where it runs the model, or tfjs. */
  readonly kernels: 'lenet' | 'tfjs';
}

/**
 * The defaults of a training run: the paper's LeNet-5 for 10 epochs of batches of 32, Adam from
 * 0.002 down a cosine schedule, the MAP criterion for RBF heads, seed 1, the paper's
 * initialisation, no distortions, gradients from the LeNet engine.
 */
export const TRAINING_DEFAULTS: TrainingDefaults = {
  model: 'lenet5',
  epochs: 10,
  batchSize: 32,
  optimizer: 'adam',
  schedule: 'cosine',
  loss: 'map',
  seed: 1,
  initialisation: 'paper',
  distortions: false,
  kernels: 'lenet',
};
