import * as tf from '@tensorflow/tfjs';
import {
  ScaledTanh,
  schemeInitializer,
  type InitialisationScheme,
  type Initializer,
} from '@lenet/core';

/** The activations the model factories accept. */
export type ModelActivation = 'scaledTanh' | 'tanh' | 'relu';

/**
 * A separate activation layer named `<name>_activation`: the paper's {@link ScaledTanh} or a
 * stock tfjs activation. Zero parameters and connections, so summaries fold it into the
 * layer before it.
 */
export function activationLayer(activation: ModelActivation, name: string): tf.layers.Layer {
  const layerName = `${name}_activation`;
  return activation === 'scaledTanh'
    ? new ScaledTanh({ name: layerName })
    : tf.layers.activation({ activation, name: layerName });
}

/**
 * The initialisers for a layer whose units have fan-in `fanIn` under `scheme`: with `paper`,
 * kernel and bias uniform in +-2.4 / fanIn (Appendix A); seeded with `seed` and `seed + 1`
 * when given.
 */
export function unitInitializers(
  fanIn: number,
  seed: number | undefined,
  scheme: InitialisationScheme,
): { kernelInitializer: Initializer; biasInitializer: Initializer } {
  return {
    kernelInitializer: schemeInitializer(scheme, 'weight', fanIn, seed),
    biasInitializer: schemeInitializer(
      scheme,
      'bias',
      fanIn,
      seed === undefined ? undefined : seed + 1,
    ),
  };
}

/** Options of the model factories that only take a seed and an initialisation. */
export interface ModelSeedOptions {
  /** Seed of the weight initialisation, for reproducible runs. Default: unseeded. */
  seed?: number;
  /**
   * How the parameters start: `paper` (uniform in +-2.4 / F_i, the paper's text) or `eblearn`
   * (uniform in +-1 / sqrt(F_i), biases 0, subsampling coefficients 0.5, as LeCun's lab code).
   * Default `paper`.
   */
  initialisation?: InitialisationScheme;
}

/**
 * Hands out one seed per layer, in order, derived from a model's `seed` (each layer's kernel
 * and bias use the seed given and the next one); always `undefined` for an unseeded model.
 */
export function layerSeeds(seed: number | undefined): () => number | undefined {
  let layer = 0;
  return () => {
    layer += 1;
    return seed === undefined ? undefined : seed * 1000 + layer * 2;
  };
}

/** Applies layers in sequence to a symbolic tensor. */
export function chain(
  input: tf.SymbolicTensor,
  layers: readonly tf.layers.Layer[],
): tf.SymbolicTensor {
  return layers.reduce((tensor, layer) => layer.apply(tensor) as tf.SymbolicTensor, input);
}
