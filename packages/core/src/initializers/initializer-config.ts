import * as tf from '@tensorflow/tfjs';
import { LayerArgumentError } from '../errors/layer-argument-error.js';
import { InitializerBase } from './fan-in-uniform.js';
import type { Initializer } from './fan-in-uniform.js';

// A type alias, not an interface: only an alias is assignable to tfjs's ConfigDict.
/** An initialiser as tfjs serialises it: its registered class name and its `getConfig()`. */
export type SerializedInitializer = {
  /** The name the class is registered under, such as `FanInUniform` or `RandomUniform`. */
  className: string;
  /** The initialiser's `getConfig()`. */
  config: tf.serialization.ConfigDict;
};

/**
 * The serialisable form of an initialiser, for a layer's `getConfig()`; `null` when there is none.
 *
 * @param initializer - An initialiser instance, or `undefined` when the layer uses its default.
 */
export function serializeInitializer(
  initializer: Initializer | undefined,
): SerializedInitializer | null {
  if (initializer === undefined) return null;
  return { className: initializer.getClassName(), config: initializer.getConfig() };
}

function isSerialized(value: unknown): value is SerializedInitializer {
  if (typeof value !== 'object' || value === null) return false;
  const { className, config } = value as Record<string, unknown>;
  return typeof className === 'string' && typeof config === 'object' && config !== null;
}

/**
 * An initialiser from a layer argument: an instance is returned as is, a
 * {@link SerializedInitializer} (what `getConfig()` wrote) is rebuilt through tfjs's
 * serialisation registry, and `null` or `undefined` give `undefined` (use the default).
 *
 * @param owner - The layer class, for the error message.
 * @param argument - The argument's name, such as `kernelInitializer`.
 * @param value - The argument.
 * @throws {@link LayerArgumentError} for anything else, or a class name that is not registered.
 */
export function resolveInitializer(
  owner: string,
  argument: string,
  value: unknown,
): Initializer | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof InitializerBase) return value;
  const expected = 'a tfjs initialiser or its serialised form { className, config }';
  if (!isSerialized(value))
    throw new LayerArgumentError(owner, argument, expected, JSON.stringify(value));
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[value.className];
  const rebuilt: unknown = entry === undefined ? undefined : entry[1](entry[0], value.config);
  if (!(rebuilt instanceof InitializerBase)) {
    throw new LayerArgumentError(
      owner,
      argument,
      'an initialiser class registered with tf.serialization.registerClass',
      JSON.stringify(value.className),
      'Import the module that registers the initialiser before loading the layer, or pass an initialiser instance.',
    );
  }
  return rebuilt;
}
