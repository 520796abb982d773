import type * as tf from '@tensorflow/tfjs';
import { ModelOptionError } from './model-option-error.js';

const withoutConnections = new Set([
  'InputLayer',
  'Activation',
  'Flatten',
  'Reshape',
  'Dropout',
  'ReLU',
  'Softmax',
]);

function product(shape: readonly (number | null)[]): number {
  return shape.slice(1).reduce<number>((total, size) => total * (size ?? 0), 1);
}

function hasCounter(
  layer: tf.layers.Layer,
): layer is tf.layers.Layer & { countConnections(inputShape: tf.Shape): number } {
  return typeof (layer as Partial<{ countConnections: unknown }>).countConnections === 'function';
}

function pair(value: unknown): number {
  return Array.isArray(value)
    ? (value as number[]).reduce((total, size) => total * size, 1)
    : (value as number) * (value as number);
}

/**
 * The number of connections of one layer of a built model, as the paper counts them: output
 * units x inputs per unit, a bias counting as one input. Layers of @lenet/core report their
 * own (`countConnections`); stock Conv2D, Dense, AveragePooling2D and MaxPooling2D are
 * counted here; activation, flatten, reshape and dropout layers have none.
 *
 * @param layer - A layer of a built model (its input and output shapes are known).
 * @throws {@link ModelOptionError} for a layer type it cannot count.
 * @see LeCun et al. 1998, Section II.B (the per-layer connection counts).
 */
export function countConnections(layer: tf.layers.Layer): number {
  const inputShape = (layer.input as tf.SymbolicTensor).shape;
  const outputShape = layer.outputShape as tf.Shape;
  if (hasCounter(layer)) return layer.countConnections(inputShape);
  const className = layer.getClassName();
  const config = layer.getConfig();
  const bias = config['useBias'] === false ? 0 : 1;
  const inputDepth = inputShape[inputShape.length - 1] ?? 0;
  switch (className) {
    case 'Conv2D':
      return product(outputShape) * (pair(config['kernelSize']) * inputDepth + bias);
    case 'Dense':
      return product(outputShape) * (inputDepth + bias);
    case 'AveragePooling2D':
    case 'MaxPooling2D':
      return product(outputShape) * pair(config['poolSize']);
    default:
      if (withoutConnections.has(className)) return 0;
      throw new ModelOptionError(
        'countConnections',
        'layer',
        'a lenet layer, Conv2D, Dense, a 2D pooling, activation, flatten, reshape or dropout layer',
        className,
      );
  }
}
