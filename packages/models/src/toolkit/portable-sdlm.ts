import type * as tf from '@tensorflow/tfjs';
import { SdlmOptimizer, type SdlmOptions } from '@lenet/core';

type NamedTensor = Parameters<tf.Optimizer['setWeights']>[0][number];

/**
 * The paper's SDLM optimiser whose saved curvature names the model's weights by position
 * (`trainable-<index>`), not by tfjs variable name: a model reloaded from a checkpoint may get
 * other variable names, and a resumed run must find its curvature again.
 *
 * @example
 * ```ts
 * const sdlm = new PortableSdlm(model, { batchSize: 32, mu: 0.02 });
 * const saved = await sdlm.getWeights(); // restores onto a reloaded copy of `model`
 * ```
 */
export class PortableSdlm extends SdlmOptimizer {
  /**
   * @param model - The model being trained.
   * @param options - mu, schedule and batch size, as for `createSdlm` of @lenet/core.
   */
  constructor(
    private readonly model: tf.LayersModel,
    options: SdlmOptions,
  ) {
    super(options);
  }

  /** The iteration count and the curvature, named by weight position. */
  override async getWeights(): Promise<NamedTensor[]> {
    const positions = new Map(
      this.model.trainableWeights.map((weight, index) => [weight.name, index]),
    );
    const weights = await super.getWeights();
    return weights.map(({ name, tensor }) => ({
      name: positions.has(name) ? `trainable-${String(positions.get(name))}` : name,
      tensor,
    }));
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
