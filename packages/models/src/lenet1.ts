import * as tf from '@tensorflow/tfjs';
import { H3_TABLE, PartialConv2D, TrainableSubsampling2D } from '@lenet/core';
import { activationLayer, chain, layerSeeds, paperInitializers } from './model-building-blocks.js';
import type { ModelSeedOptions } from './model-building-blocks.js';

/**
 * LeNet-1 exactly as the papers describe it: a 28x28 input (the paper centres a 16x16 digit
 * in it), H1 = 4 maps of 5x5 convolution (24x24), H2 = trainable 2x2 subsampling, H3 = 12
 * maps of 5x5 convolution over the H3 table's 20 of 48 links (8x8), H4 = trainable
 * subsampling (4x4), and a full output layer of 10 units. 2,578 trainable parameters,
 * 98,442 connections, 4,635 units. Every hidden layer squashes with `1.7159 tanh(2a/3)`;
 * weights start uniform in +-2.4 / fan-in.
 *
 * Input `[batch, 28, 28, 1]`; output `[batch, 10]` logits (train with
 * `softmaxCrossEntropy`, read out with `readOut(output, 'logits')`).
 *
 * @example
 * ```ts
 * const model = lenet1();
 * console.log(formatSummary(summarize(model))); // 2,578 trainable parameters
 * ```
 * @see LeCun et al. 1989 (NIPS 2); LeCun et al. 1998, Section III.C.2.
 */
export function lenet1(options: ModelSeedOptions = {}): tf.LayersModel {
  const seed = layerSeeds(options.seed);
  const input = tf.input({ shape: [28, 28, 1], name: 'input' });
  const output = chain(input, [
    tf.layers.conv2d({ name: 'H1', filters: 4, kernelSize: 5, ...paperInitializers(25, seed()) }),
    activationLayer('scaledTanh', 'H1'),
    new TrainableSubsampling2D({ name: 'H2', activation: 'scaledTanh', seed: seed() }),
    new PartialConv2D({ name: 'H3', table: H3_TABLE, seed: seed() }),
    activationLayer('scaledTanh', 'H3'),
    new TrainableSubsampling2D({ name: 'H4', activation: 'scaledTanh', seed: seed() }),
    tf.layers.flatten({ name: 'H4_flatten' }),
    tf.layers.dense({ name: 'OUTPUT', units: 10, ...paperInitializers(192, seed()) }),
  ]);
  return tf.model({ inputs: input, outputs: output, name: 'lenet1' });
}
