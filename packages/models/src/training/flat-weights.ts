import * as tf from '@tensorflow/tfjs';
import { WeightVectorError } from './weight-vector-error.js';

/** The number of values in each of the model's trainable weights, in `model.trainableWeights` order. */
export function trainableWeightSizes(model: tf.LayersModel): number[] {
  return model.trainableWeights.map((weight) =>
    weight.shape.reduce<number>((product, side) => product * (side ?? 1), 1),
  );
}

/** Every trainable weight of `model`, concatenated in `model.trainableWeights` order. */
export function readTrainableWeights(model: tf.LayersModel): Float32Array {
  const sizes = trainableWeightSizes(model);
  const flat = new Float32Array(sizes.reduce((sum, size) => sum + size, 0));
  let offset = 0;
  model.trainableWeights.forEach((weight, index) => {
    flat.set(weight.read().dataSync(), offset);
    offset += sizes[index] ?? 0;
  });
  return flat;
}

/** Sets every trainable weight of `model` from `flat`, laid out as {@link readTrainableWeights} writes it. */
export function writeTrainableWeights(model: tf.LayersModel, flat: Float32Array): void {
  let offset = 0;
  for (const weight of model.trainableWeights) {
    const shape = weight.shape as number[];
    const size = shape.reduce((product, side) => product * side, 1);
    tf.tidy(() => {
      weight.write(tf.tensor(flat.subarray(offset, offset + size), shape));
    });
    offset += size;
  }
  if (offset !== flat.length)
    throw new WeightVectorError(
      'writeTrainableWeights',
      `${String(flat.length)} values for ${String(offset)} weights: pass one value per trainable weight, in model.trainableWeights order.`,
    );
}
