import * as tf from '@tensorflow/tfjs';

/**
 * One optimiser update of `model` from a flat gradient (the trainable weights' gradients
 * concatenated in `model.trainableWeights` order). Leaks no tensors.
 */
export function applyFlatGradients(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  flat: Float32Array,
): void {
  const named: tf.NamedTensorMap = {};
  let offset = 0;
  for (const weight of model.trainableWeights) {
    const shape = weight.shape as number[];
    const size = shape.reduce((product, side) => product * side, 1);
    // tfjs names a layer weight's variable as the weight, which is how optimisers find it.
    named[weight.name] = tf.tensor(flat.subarray(offset, offset + size), shape);
    offset += size;
  }
  optimizer.applyGradients(named);
  tf.dispose(Object.values(named));
}
