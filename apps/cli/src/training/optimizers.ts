import * as tf from '@tensorflow/tfjs';
import { etaForPass, PAPER_ETA_SCHEDULE, paperEta, SDLM_MU, type CurvatureMethod, type CurvatureSummary } from '@lenet/core';
import type { DatasetSplit } from '@lenet/data';
import { ResumableAdam } from '@lenet/models';
import type { ModelRecipe } from './model-catalog.js';
import { estimatePassCurvature, PortableSdlm } from './sdlm-training.js';

/** The optimisers `lenet train` offers; `sdlm` is the paper's stochastic diagonal Levenberg-Marquardt. */
export const OPTIMIZER_NAMES = ['adam', 'momentum', 'sgd', 'sdlm'] as const;
/** One of {@link OPTIMIZER_NAMES}. */
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** What an optimiser may look at before a pass. */
export interface PassContext {
  readonly recipe: ModelRecipe;
  /** The training split the run uses (after `--limit`). */
  readonly train: DatasetSplit;
  readonly seed: number;
}

/** An optimiser whose learning rate a schedule can change between steps. */
export interface ScheduledOptimizer {
  readonly optimizer: tf.Optimizer;
  setLearningRate(learningRate: number): void;
  /**
   * The optimiser's own rate for a pass (from 1) when it ignores `--learning-rate` and
   * `--schedule`: SDLM follows the paper's eta schedule. Undefined for the others.
   */
  readonly passRate?: (pass: number) => number;
  /**
   * Prepares a pass (from 1) before its first batch; not called when a run resumes inside a
   * pass, whose preparation the checkpoint holds. SDLM re-estimates its curvature here.
   */
  startPass(pass: number, context: PassContext): CurvatureSummary | undefined;
}

/** Options of {@link createOptimizer}. */
export interface OptimizerOptions {
  /** Images per update (SDLM scales its step by it). Default 1. */
  readonly batchSize?: number;
  /** The model being trained (SDLM saves its curvature by the model's weight order). */
  readonly model?: tf.LayersModel;
  /** SDLM's safety constant mu. Default the paper's 0.02. */
  readonly mu?: number;
  /** How SDLM estimates h_kk. Default the paper's `layerwise` recursion. */
  readonly curvature?: CurvatureMethod;
}

/** The learning rate an optimiser starts from when none is given: the paper's eta 0.0005 for SDLM, 0.002 for the others. */
export function defaultLearningRate(name: OptimizerName): number {
  return name === 'sdlm' ? paperEta(1) : 0.002;
}

/**
 * Builds the optimiser called `name`: Adam with the usual betas (resumable bit for bit),
 * momentum 0.9, plain SGD, or the paper's SDLM: eta follows the paper's per-pass schedule
 * scaled so that pass 1 gets `learningRate` (the paper's 0.0005 gives the paper's schedule),
 * mu 0.02 unless given, curvature re-estimated on 500 training patterns before each pass.
 * With a mini-batch, SDLM steps by the summed gradient, so one step equals the sum of the
 * per-pattern steps to first order.
 */
export function createOptimizer(name: OptimizerName, learningRate: number, options: OptimizerOptions = {}): ScheduledOptimizer {
  if (name === 'sdlm') return sdlmOptimizer(learningRate, options);
  const optimizer =
    name === 'adam' ? new ResumableAdam(learningRate) : name === 'momentum' ? new tf.MomentumOptimizer(learningRate, 0.9) : new tf.SGDOptimizer(learningRate);
  return {
    optimizer,
    setLearningRate: (rate) => {
      optimizer.setLearningRate(rate);
    },
    startPass: () => undefined,
  };
}

function sdlmOptimizer(firstEta: number, options: OptimizerOptions): ScheduledOptimizer {
  const { model } = options;
  if (model === undefined) throw new Error('createOptimizer: SDLM needs the model it trains.');
  const scale = firstEta / paperEta(1);
  const schedule = PAPER_ETA_SCHEDULE.map((stage) => ({ ...stage, eta: stage.eta * scale }));
  const optimizer = new PortableSdlm(model, { batchSize: options.batchSize ?? 1, mu: options.mu ?? SDLM_MU, schedule });
  return {
    optimizer,
    setLearningRate: (rate) => {
      optimizer.setLearningRate(rate);
    },
    passRate: (pass) => etaForPass(pass, schedule),
    startPass: (pass, context) => estimatePassCurvature(optimizer, model, { ...context, pass, method: options.curvature ?? 'layerwise' }),
  };
}
