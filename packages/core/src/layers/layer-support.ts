import type * as tf from '@tensorflow/tfjs';
import { LayerArgumentError } from '../errors/layer-argument-error.js';

/** The arguments every tfjs layer accepts (`name`, `trainable`, `inputShape`, ...). */
export type BaseLayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** A layer that can report how many connections it has, the paper's second cost measure. */
export interface ConnectionCounting {
  /**
   * The number of connections: output units x (inputs per unit, bias included).
   *
   * @param inputShape - The layer's input shape, batch dimension first.
   */
  countConnections(inputShape: tf.Shape): number;
}

/**
 * Returns the one tensor a single-input layer was called with.
 *
 * @throws {@link LayerArgumentError} when the layer received several tensors.
 */
export function singleTensor(owner: string, inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
  if (!Array.isArray(inputs)) return inputs;
  const [first] = inputs;
  if (inputs.length !== 1 || first === undefined) {
    throw new LayerArgumentError(owner, 'inputs', 'exactly one tensor', `${inputs.length} tensors`);
  }
  return first;
}

/**
 * Returns the shape of a single-input layer's input.
 *
 * @throws {@link LayerArgumentError} when several shapes were given.
 */
export function singleShape(owner: string, inputShape: tf.Shape | tf.Shape[]): tf.Shape {
  const first = inputShape[0];
  if (Array.isArray(first)) {
    if (inputShape.length !== 1) {
      throw new LayerArgumentError(
        owner,
        'input shape',
        'exactly one input',
        `${inputShape.length} inputs`,
      );
    }
    return first;
  }
  return inputShape as tf.Shape;
}

/**
 * Checks an image-layer input shape `[batch, height, width, channels]` and returns its
 * known sizes.
 *
 * @throws {@link LayerArgumentError} when the rank is not 4 or the channel count is unknown.
 */
export function imageShape(
  owner: string,
  inputShape: tf.Shape,
): { height: number | null; width: number | null; channels: number } {
  const [, height, width, channels] = inputShape;
  if (inputShape.length !== 4 || channels === undefined || channels === null) {
    throw new LayerArgumentError(
      owner,
      'input shape',
      '[batch, height, width, channels] with a known channel count',
      JSON.stringify(inputShape),
      'Feed images in NHWC layout, for example tf.input({ shape: [32, 32, 1] }).',
    );
  }
  return { height: height ?? null, width: width ?? null, channels };
}

/**
 * Checks that `value` is a positive integer.
 *
 * @throws {@link LayerArgumentError} otherwise.
 */
export function checkPositiveInteger(owner: string, argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new LayerArgumentError(owner, argument, 'a positive integer', JSON.stringify(value));
  }
  return value;
}

/**
 * Checks that `value` is a finite number.
 *
 * @throws {@link LayerArgumentError} otherwise.
 */
export function checkFiniteNumber(owner: string, argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new LayerArgumentError(owner, argument, 'a finite number', JSON.stringify(value));
  }
  return value;
}

/**
 * Checks an optional random seed: `undefined` or `null` (what a saved configuration holds
 * for "unseeded") give `undefined`, anything else must be a finite number.
 *
 * @throws {@link LayerArgumentError} otherwise.
 */
export function checkSeed(owner: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  return checkFiniteNumber(owner, 'seed', value);
}
