import * as tf from '@tensorflow/tfjs';
import type { CurvatureMethod, CurvatureSummary, SdlmOptimizer } from '@lenet/core';
import { createRandom, gather, shuffledIndices, type DatasetSplit } from '@lenet/data';
import { checkLabels, modelClasses } from '../class-count.js';
import { mixSeed } from './mix-seed.js';
import type { ModelKind } from './model-catalogue.js';
import { modelInputs } from './model-inputs.js';

/** The patterns the paper estimates the curvature on before each pass. */
export const CURVATURE_PATTERNS = 500;
/** Keeps the curvature sample's random stream apart from the epoch order's. */
const curvatureStream = 0x5d1a;

/**
 * The training patterns a pass's curvature is estimated on: {@link CURVATURE_PATTERNS} (or all
 * of `count` when fewer) drawn by the seed and the pass.
 *
 * @param count - The training digits to draw from.
 * @param seed - The run's seed.
 * @param pass - The pass, from 1.
 */
export function curvatureSampleIndices(count: number, seed: number, pass: number): number[] {
  const order = shuffledIndices(count, createRandom(mixSeed(seed, pass, curvatureStream)));
  return Array.from(order.subarray(0, Math.min(CURVATURE_PATTERNS, count)));
}

/** What {@link estimatePassCurvature} estimates on. */
export interface PassCurvatureContext {
  /** How the model is fed. */
  readonly kind: ModelKind;
  /** The training split. */
  readonly train: DatasetSplit;
  /** The run's seed. */
  readonly seed: number;
  /** The pass, from 1. */
  readonly pass: number;
  /** How h_kk is estimated. Default the paper's `layerwise` recursion. */
  readonly method?: CurvatureMethod;
}

/**
 * Sets the paper's eta for the pass and re-estimates the curvature (the paper's layerwise
 * Gauss-Newton recursion unless told otherwise) on {@link CURVATURE_PATTERNS} undistorted
 * training patterns chosen by the seed and the pass, so a run and its resumed copy estimate the
 * same. Leaks no tensors.
 *
 * @param optimizer - The SDLM optimiser to prepare.
 * @param model - The model it trains.
 * @param context - The data, seed, pass and method.
 * @returns The range of the estimate.
 * @throws `ModelOptionError` for a model whose output is not `[batch, classes]`, or a sampled
 *   label the model has no output for.
 * @see LeCun et al. 1998, Section III.A and Appendix C.
 */
export function estimatePassCurvature(
  optimizer: SdlmOptimizer,
  model: tf.LayersModel,
  context: PassCurvatureContext,
): CurvatureSummary {
  optimizer.setPass(context.pass);
  const sample = gather(
    context.train,
    curvatureSampleIndices(context.train.count, context.seed, context.pass),
  );
  const classes = modelClasses(model);
  checkLabels('estimatePassCurvature', sample.labels, classes);
  const { pixels, size } = modelInputs(sample, context.kind.input);
  const inputs = tf.tensor4d(pixels, [sample.count, size, size, 1]);
  const labels = tf.tidy(() => tf.oneHot(tf.tensor1d(sample.labels, 'int32'), classes).toFloat());
  try {
    return optimizer.estimateCurvature(model, inputs, labels, {
      patterns: sample.count,
      method: context.method ?? 'layerwise',
      seed: mixSeed(context.seed, context.pass, curvatureStream),
    });
  } finally {
    tf.dispose([inputs, labels]);
  }
}
