import { PredictionInputError } from './prediction-input-error.js';

function describeValue(value: unknown): string {
  if (value instanceof Float32Array) return `${String(value.length)} values`;
  if (value === null || typeof value !== 'object') return String(value);
  return `a ${value.constructor.name}`;
}

/**
 * The number of images in `pixels`, checked to be whole `side` x `side` images.
 *
 * @throws {@link PredictionInputError} for anything else.
 */
export function checkPixels(pixels: Float32Array, size: number, side: number): number {
  const method = 'ParallelPredictor.predict';
  if (!(pixels instanceof Float32Array)) {
    throw new PredictionInputError(
      method,
      'pixels',
      'a Float32Array',
      describeValue(pixels),
      'Pass the images as one Float32Array, [count, size, size, 1] row-major.',
    );
  }
  if (size !== side) {
    throw new PredictionInputError(
      method,
      'size',
      `${String(side)} (the model takes ${String(side)}x${String(side)} images)`,
      String(size),
      `Pass images of ${String(side)}x${String(side)} pixels (padImages of @lenet/data pads MNIST's 28x28 digits to 32x32).`,
    );
  }
  const area = side * side;
  if (pixels.length % area !== 0) {
    const whole = Math.floor(pixels.length / area);
    throw new PredictionInputError(
      method,
      'pixels',
      `a multiple of ${String(area)} values (count images of ${String(side)}x${String(side)})`,
      describeValue(pixels),
      `Pass whole images: these make ${String(whole)} images and ${String(pixels.length - whole * area)} values more.`,
    );
  }
  return pixels.length / area;
}

/**
 * Checks that `weights` holds one value for each of the model's `parameters` trainable weights.
 *
 * @throws {@link PredictionInputError} for anything else.
 */
export function checkWeights(weights: Float32Array, parameters: number): void {
  if (!(weights instanceof Float32Array) || weights.length !== parameters) {
    throw new PredictionInputError(
      'ParallelPredictor.setWeights',
      'weights',
      `a Float32Array of ${String(parameters)} values (every trainable weight, in model.trainableWeights order)`,
      describeValue(weights),
      'Pass readTrainableWeights(model) of this model, or call refresh().',
    );
  }
}
