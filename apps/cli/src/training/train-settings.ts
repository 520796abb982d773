import type { OptimizerName, ScheduleName, TrainingCriterion } from '@lenet/models';
import type { CurvatureMethod, InitialisationScheme } from '@lenet/core';
import type { DatasetRecord } from '../data/dataset-record.js';

/** Every setting that decides a training run's result. A resumed run keeps them. */
export interface TrainSettings {
  /** A name from the model catalogue, e.g. `lenet5`. */
  readonly model: string;
  readonly epochs: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  readonly schedule: ScheduleName;
  /** For RBF heads; logits always use cross-entropy. */
  readonly loss: TrainingCriterion;
  readonly seed: number;
  /** How the weights start; the paper's literal `paper` when undefined. */
  readonly initialisation?: InitialisationScheme;
  /** The paper's random planar affine distortions of the training images. */
  readonly distortions: boolean;
  /** SDLM's safety constant mu in `eta / (mu + h_kk)`; the paper's 0.02 when undefined. */
  readonly sdlmMu?: number;
  /** How SDLM estimates h_kk; the paper's `layerwise` recursion when undefined. */
  readonly sdlmCurvature?: CurvatureMethod;
  /** Train on the first N training images only (all when undefined). */
  readonly trainLimit?: number;
  /**
   * Threads that each compute a share of every batch (float sums depend on the split, so a run
   * keeps its count). Runs from before the option trained in one thread.
   */
  readonly threads?: number;
  /** What computes the gradients: the LeNet engine or tfjs. Runs from before the option used tfjs. */
  readonly kernels?: 'lenet' | 'tfjs';
  /** The sha256 of the training images file as stored (runs before `dataset` compared it). */
  readonly trainImagesSha256: string;
  /**
   * The data set, its source and its content's sha256s, so that a resumed run reads the same
   * data; runs from before the record trained on MNIST.
   */
  readonly dataset?: DatasetRecord;
}

/** The settings `--resume` must not change, with their command-line flags. */
export const RESUME_LOCKED_FLAGS: Readonly<
  Record<Exclude<keyof TrainSettings, 'trainImagesSha256' | 'dataset'>, string>
> = {
  model: '--model',
  epochs: '--epochs',
  batchSize: '--batch-size',
  optimizer: '--optimizer',
  learningRate: '--learning-rate',
  schedule: '--schedule',
  loss: '--loss',
  seed: '--seed',
  initialisation: '--initialisation',
  distortions: '--distortions',
  sdlmMu: '--sdlm-mu',
  sdlmCurvature: '--sdlm-curvature',
  trainLimit: '--limit',
  threads: '--threads',
  kernels: '--kernels',
};

/**
 * A setting's value with the defaults of runs that do not record it: the paper's initialisation
 * and its layerwise curvature.
 */
export function effectiveSetting(
  settings: TrainSettings,
  key: keyof TrainSettings,
): string | number | boolean | undefined {
  if (key === 'initialisation') return settings.initialisation ?? 'paper';
  if (key === 'sdlmCurvature') return settings.sdlmCurvature ?? 'layerwise';
  // The data set by name (its content is checked when a run resumes); runs from before it: MNIST.
  if (key === 'dataset') return settings.dataset?.name ?? 'mnist';
  return settings[key];
}
