import * as tf from '@tensorflow/tfjs';
import { PartialConv2D, TrainableSubsampling2D } from '@lenet/core';
import type { ConnectionTable } from '@lenet/core';
import { activationLayer, chain, layerSeeds, unitInitializers } from './model-building-blocks.js';
import type { ModelSeedOptions } from './model-building-blocks.js';
import { resolveClasses, type ModelClassOptions } from './class-count.js';

/**
 * The third-layer table of our LeNet-4 reconstruction: each of the 16 maps reads three
 * consecutive subsampling maps out of 8, wrapping around (48 of 128 links). Our choice; the
 * paper leaves LeNet-4's connectivity open.
 */
export const LENET4_TABLE: ConnectionTable = Array.from({ length: 8 }, (_, input) =>
  Array.from({ length: 16 }, (_, output) =>
    [0, 1, 2].some((offset) => (output + offset) % 8 === input) ? 1 : 0,
  ),
);

/** Options of {@link lenet4}. */
export type Lenet4Options = ModelSeedOptions & ModelClassOptions;

/**
 * A reconstruction of LeNet-4 from the paper's prose, which does not specify it fully: a
 * 32x32 input, 4 first-level maps (5x5 convolution, 28x28), 8 subsampling maps connected in
 * pairs to the first-level maps (14x14), 16 maps of 5x5 convolution (10x10) each reading 3
 * of the 8 subsampling maps ({@link LENET4_TABLE}, our choice), 16 subsampling maps (5x5),
 * 120 units fully connected to them (a 5x5 convolution) and 10 outputs (logits; `classes`
 * outputs for other data sets).
 *
 * This gives 262,306 connections (the paper: about 260,000) but 50,698 trainable parameters
 * (with 10 classes): the paper's "about 17,000" cannot hold with 120 units fully connected to
 * 16 maps of 5x5 (48,120 parameters alone), so the prose and the count disagree.
 *
 * Input `[batch, 32, 32, 1]`; output `[batch, classes]` logits.
 *
 * @throws {@link ModelOptionError} for a class count that is not an integer >= 2.
 * @example
 * ```ts
 * const model = lenet4();
 * ```
 * @see LeCun et al. 1998, Section III.C.3.
 */
export function lenet4(options: Lenet4Options = {}): tf.LayersModel {
  const classes = resolveClasses('lenet4', options.classes);
  const seed = layerSeeds(options.seed);
  const initialisation = options.initialisation ?? 'paper';
  const input = tf.input({ shape: [32, 32, 1], name: 'input' });
  const output = chain(input, [
    tf.layers.conv2d({
      name: 'C1',
      filters: 4,
      kernelSize: 5,
      ...unitInitializers(25, seed(), initialisation),
    }),
    activationLayer('scaledTanh', 'C1'),
    new TrainableSubsampling2D({
      name: 'S2',
      activation: 'scaledTanh',
      depthMultiplier: 2,
      seed: seed(),
      initialisation,
    }),
    new PartialConv2D({ name: 'C3', table: LENET4_TABLE, seed: seed(), initialisation }),
    activationLayer('scaledTanh', 'C3'),
    new TrainableSubsampling2D({
      name: 'S4',
      activation: 'scaledTanh',
      seed: seed(),
      initialisation,
    }),
    tf.layers.conv2d({
      name: 'C5',
      filters: 120,
      kernelSize: 5,
      ...unitInitializers(400, seed(), initialisation),
    }),
    activationLayer('scaledTanh', 'C5'),
    tf.layers.flatten({ name: 'C5_flatten' }),
    tf.layers.dense({
      name: 'OUTPUT',
      units: classes,
      ...unitInitializers(120, seed(), initialisation),
    }),
  ]);
  return tf.model({ inputs: input, outputs: output, name: 'lenet4' });
}
