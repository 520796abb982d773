import * as tf from '@tensorflow/tfjs';
import { SdlmOptimizer, type CurvatureMethod, type CurvatureSummary, type SdlmOptions } from '@lenet/core';
import { createRandom, gather, shuffledIndices, type DatasetSplit } from '@lenet/data';
import type { ModelRecipe } from './model-catalog.js';
import { modelInputs } from './model-inputs.js';
import { mixSeed } from './mix-seed.js';

/** The patterns the paper estimates the curvature on before each pass. */
export const CURVATURE_PATTERNS = 500;
/** Keeps the curvature sample's random stream apart from the epoch order's. */
const curvatureStream = 0x5d1a;

type NamedTensor = Parameters<tf.Optimizer['setWeights']>[0][number];

/**
 * The paper's SDLM optimiser whose saved curvature names the model's weights by position
 * (`trainable-<index>`), not by tfjs variable name: a model reloaded from a checkpoint may get
 * other variable names, and a resumed run must find its curvature again.
 */
export class PortableSdlm extends SdlmOptimizer {
  /**
   * @param model - The model being trained.
   * @param options - mu, schedule and batch size, as for `createSdlm`.
   */
  constructor(
    private readonly model: tf.LayersModel,
    options: SdlmOptions,
  ) {
    super(options);
  }

  /** The iteration count and the curvature, named by weight position. */
  override async getWeights(): Promise<NamedTensor[]> {
    const positions = new Map(this.model.trainableWeights.map((weight, index) => [weight.name, index]));
    const weights = await super.getWeights();
    return weights.map(({ name, tensor }) => ({ name: positions.has(name) ? `trainable-${String(positions.get(name))}` : name, tensor }));
  }

  /** Restores what {@link PortableSdlm.getWeights} saved onto this model's weights. */
  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const names = this.model.trainableWeights.map((weight) => weight.name);
    const renamed = weightValues.map(({ name, tensor }) => {
      const position = /^trainable-(\d+)$/.exec(name)?.[1];
      return { name: position === undefined ? name : (names[Number(position)] ?? name), tensor };
    });
    await super.setWeights(renamed);
  }
}

/** The training patterns a pass's curvature is estimated on: {@link CURVATURE_PATTERNS} drawn by the seed and the pass. */
export function curvatureSampleIndices(count: number, seed: number, pass: number): number[] {
  const order = shuffledIndices(count, createRandom(mixSeed(seed, pass, curvatureStream)));
  return Array.from(order.subarray(0, Math.min(CURVATURE_PATTERNS, count)));
}

/**
 * Sets the paper's eta for `pass` and re-estimates the curvature (the paper's layerwise
 * Gauss-Newton recursion) on {@link CURVATURE_PATTERNS} undistorted training patterns chosen
 * by the seed and the pass, so a run and its resumed copy estimate the same. Leaks no tensors.
 *
 * @returns The range of the estimate.
 * @see LeCun et al. 1998, Section III.A and Appendix C.
 */
export function estimatePassCurvature(
  optimizer: SdlmOptimizer,
  model: tf.LayersModel,
  context: { readonly recipe: ModelRecipe; readonly train: DatasetSplit; readonly seed: number; readonly pass: number; readonly method?: CurvatureMethod },
): CurvatureSummary {
  optimizer.setPass(context.pass);
  const sample = gather(context.train, curvatureSampleIndices(context.train.count, context.seed, context.pass));
  const { pixels, size } = modelInputs(sample, context.recipe.input);
  const inputs = tf.tensor4d(pixels, [sample.count, size, size, 1]);
  const labels = tf.tidy(() => tf.oneHot(tf.tensor1d(sample.labels, 'int32'), 10).toFloat());
  try {
    return optimizer.estimateCurvature(model, inputs, labels, { patterns: sample.count, method: context.method ?? 'layerwise', seed: mixSeed(context.seed, context.pass, curvatureStream) });
  } finally {
    tf.dispose([inputs, labels]);
  }
}
