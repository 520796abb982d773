import type * as tf from '@tensorflow/tfjs';
import { LenetEngine } from './lenet-engine.js';
import { instantiateLenetKernels } from './lenet-kernels.js';
import { planNetwork, UnsupportedNetwork } from './network-plan.js';

/**
 * Why `model` cannot run on the LeNet engine, or undefined when it can. The engine runs
 * sequential models of square one-channel images built from 5x5 valid convolutions (Conv2D,
 * PartialConv2D), TrainableSubsampling2D, 2x2 average and max pooling, Flatten, Dense,
 * RbfOutput with fixed codes, and the linear, scaled tanh, tanh and ReLU activations, ending in
 * a vector of one output per class (any number from 2): every LeNet of @lenet/models, for any
 * class count.
 */
export function engineSupport(model: tf.LayersModel): string | undefined {
  try {
    planNetwork(model);
    return undefined;
  } catch (error) {
    if (error instanceof UnsupportedNetwork) return error.message;
    throw error;
  }
}

/**
 * A {@link LenetEngine} for `model`, holding a copy of its current weights. The engine does
 * not write back: copy its weights into the model (or apply its gradients with a tfjs
 * optimiser) yourself.
 *
 * @param model - A LeNet; see {@link engineSupport} for what the engine runs.
 * @returns The engine, or undefined when the engine cannot run this model.
 * @example
 * ```ts
 * const engine = await createLenetEngine(lenet5());
 * const { loss, gradients } = engine!.gradients({ pixels, size: 32, labels }, 'map');
 * ```
 */
export async function createLenetEngine(model: tf.LayersModel): Promise<LenetEngine | undefined> {
  if (engineSupport(model) !== undefined) return undefined;
  const engine = new LenetEngine(planNetwork(model), await instantiateLenetKernels());
  const weights = new Float32Array(engine.plan.parameters);
  let offset = 0;
  for (const weight of model.trainableWeights) {
    const values = weight.read().dataSync();
    weights.set(values, offset);
    offset += values.length;
  }
  engine.setWeights(weights);
  return engine;
}
