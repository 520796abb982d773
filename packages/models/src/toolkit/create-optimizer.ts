import * as tf from '@tensorflow/tfjs';
import {
  etaForPass,
  PAPER_ETA_SCHEDULE,
  paperEta,
  SDLM_MU,
  type CurvatureMethod,
  type CurvatureSummary,
} from '@lenet/core';
import type { DatasetSplit } from '@lenet/data';
import { ModelOptionError } from '../model-option-error.js';
import { ResumableAdam } from '../training/resumable-adam.js';
import type { ModelKind } from './model-catalogue.js';
import { estimatePassCurvature } from './pass-curvature.js';
import { PortableSdlm } from './portable-sdlm.js';

/** The optimisers training offers (`lenet train --optimizer`); `sdlm` is the paper's stochastic diagonal Levenberg-Marquardt. */
export const OPTIMIZER_NAMES = ['adam', 'momentum', 'sgd', 'sdlm'] as const;
/** One of {@link OPTIMIZER_NAMES}. */
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** What an optimiser may look at before a pass. */
export interface PassContext {
  /** How the model being trained is fed. */
  readonly kind: ModelKind;
  /** The training split the run uses (after any limit). */
  readonly train: DatasetSplit;
  /** The run's seed. */
  readonly seed: number;
}

/** An optimiser whose learning rate a schedule can change between steps. */
export interface ScheduledOptimizer {
  /** The tfjs optimiser a trainer steps with. */
  readonly optimizer: tf.Optimizer;
  /** Sets the rate of the next steps. */
  setLearningRate(learningRate: number): void;
  /**
   * The optimiser's own rate for a pass (from 1) when it ignores the learning rate and the
   * schedule it was given: SDLM follows the paper's eta schedule. Undefined for the others.
   */
  readonly passRate?: (pass: number) => number;
  /**
   * Prepares a pass (from 1) before its first batch; not called when a run resumes inside a
   * pass, whose preparation its checkpoint holds. SDLM re-estimates its curvature here.
   *
   * @returns The range of SDLM's curvature estimate; undefined for the others.
   */
  startPass(pass: number, context: PassContext): CurvatureSummary | undefined;
}

/** Options of {@link createOptimizer}. */
export interface OptimizerOptions {
  /** Images per update (SDLM scales its step by it). Default 1. */
  readonly batchSize?: number;
  /** The model being trained; SDLM needs it (it saves its curvature by the model's weight order). */
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
 * Builds the optimiser called `name`: Adam with the usual betas ({@link ResumableAdam}, which
 * resumes bit for bit), momentum 0.9, plain SGD, or the paper's SDLM: eta follows the paper's
 * per-pass schedule scaled so that pass 1 gets `learningRate` (the paper's 0.0005 gives the
 * paper's schedule), mu 0.02 unless given, the curvature re-estimated on 500 training patterns
 * before each pass. With a mini-batch, SDLM steps by the summed gradient, so one step equals the
 * sum of the per-pattern steps to first order.
 *
 * @param name - The optimiser.
 * @param learningRate - The initial rate (SDLM: eta of the first pass).
 * @param options - The batch size and, for SDLM, the model, mu and curvature method.
 * @throws {@link ModelOptionError} for SDLM without `options.model`.
 * @see LeCun et al. 1998, Section III.A and Appendix C (SDLM).
 * @example
 * ```ts
 * const adam = createOptimizer('adam', defaultLearningRate('adam'));
 * await trainer.step(adam.optimizer, batch);
 * ```
 */
export function createOptimizer(
  name: OptimizerName,
  learningRate: number,
  options: OptimizerOptions = {},
): ScheduledOptimizer {
  if (name === 'sdlm') return sdlmOptimizer(learningRate, options);
  const optimizer =
    name === 'adam'
      ? new ResumableAdam(learningRate)
      : name === 'momentum'
        ? new tf.MomentumOptimizer(learningRate, 0.9)
        : new tf.SGDOptimizer(learningRate);
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
  if (model === undefined)
    throw new ModelOptionError(
      'createOptimizer',
      "options.model for 'sdlm'",
      'the model SDLM trains',
      'undefined',
    );
  const scale = firstEta / paperEta(1);
  const schedule = PAPER_ETA_SCHEDULE.map((stage) => ({ ...stage, eta: stage.eta * scale }));
  const optimizer = new PortableSdlm(model, {
    batchSize: options.batchSize ?? 1,
    mu: options.mu ?? SDLM_MU,
    schedule,
  });
  return {
    optimizer,
    setLearningRate: (rate) => {
      optimizer.setLearningRate(rate);
    },
    passRate: (pass) => etaForPass(pass, schedule),
    startPass: (pass, context) =>
      estimatePassCurvature(optimizer, model, {
        ...context,
        pass,
        method: options.curvature ?? 'layerwise',
      }),
  };
}
