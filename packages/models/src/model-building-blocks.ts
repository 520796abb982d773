import * as tf from '@tensorflow/tfjs';
import { FanInUniform, ScaledTanh } from '@lenet/core';

/** The activations the model factories accept. */
export type ModelActivation = 'scaledTanh' | 'tanh' | 'relu';

/**
 * A separate activation layer named `<name>_activation`: the paper's {@link ScaledTanh} or a
 * stock tfjs activation. Zero parameters and connections, so summaries fold it into the
 * layer before it.
 */
export function activationLayer(activation: ModelActivation, name: string): tf.layers.Layer {
  const layerName = `${name}_activation`;
  return activation === 'scaledTanh' ? new ScaledTanh({ name: layerName }) : tf.layers.activation({ activation, name: layerName });
}

/**
 * The paper's initialisers for a unit with the given fan-in: kernel and bias uniform in
 * +-2.4 / fanIn.
 */
export function paperInitializers(fanIn: number): { kernelInitializer: FanInUniform; biasInitializer: FanInUniform } {
  return { kernelInitializer: new FanInUniform({ fanIn }), biasInitializer: new FanInUniform({ fanIn }) };
}

/** Applies layers in sequence to a symbolic tensor. */
export function chain(input: tf.SymbolicTensor, layers: readonly tf.layers.Layer[]): tf.SymbolicTensor {
  return layers.reduce((tensor, layer) => layer.apply(tensor) as tf.SymbolicTensor, input);
}
