import * as tf from '@tensorflow/tfjs';
import type { LenetEngine } from '@lenet/core';
import { batchGradients, type TrainingBatch } from './batch-gradients.js';
import { readTrainableWeights, writeTrainableWeights } from './flat-weights.js';
import type { TrainingCriterion } from './training-criterion.js';
import { WeightVectorError } from './weight-vector-error.js';

/** A batch's mean loss, correct read-outs, and gradient concatenated in `model.trainableWeights` order. */
export interface FlatGradients {
  readonly loss: number;
  readonly correct: number;
  readonly gradients: Float32Array;
}

/**
 * The gradient of a batch's mean loss as one flat vector: from the LeNet engine when given
 * one, else from tfjs's automatic differentiation of `model`. With `weights`, the gradient is
 * taken at those weights (the model is updated to them on the tfjs path); without, at the
 * model's current weights. With `target` (as long as the weights), the gradient is written there
 * instead of into a new vector.
 */
export function flatGradients(
  model: tf.LayersModel,
  engine: LenetEngine | undefined,
  criterion: TrainingCriterion,
  batch: TrainingBatch,
  weights?: Float32Array,
  target?: Float32Array,
): FlatGradients {
  if (engine !== undefined) {
    engine.setWeights(weights ?? readTrainableWeights(model));
    return engine.gradients(batch, criterion, target);
  }
  if (weights !== undefined) writeTrainableWeights(model, weights);
  const { loss, correct, gradients } = batchGradients(model, criterion, batch);
  const size = gradients.reduce((sum, gradient) => sum + gradient.size, 0);
  if (target !== undefined && target.length !== size)
    throw new WeightVectorError(
      'flatGradients',
      `the target holds ${String(target.length)} values, the gradient ${String(size)}: pass a target as long as the weights.`,
    );
  const flat = target ?? new Float32Array(size);
  let offset = 0;
  for (const gradient of gradients) {
    flat.set(gradient.dataSync(), offset);
    offset += gradient.size;
  }
  tf.dispose(gradients);
  return { loss, correct, gradients: flat };
}
