import * as tf from '@tensorflow/tfjs';
import {
  H3_TABLE,
  PartialConv2D,
  placeCodes,
  RbfOutput,
  TrainableSubsampling2D,
} from '@lenet/core';
import { activationLayer, chain, layerSeeds, unitInitializers } from './model-building-blocks.js';
import type { ModelSeedOptions } from './model-building-blocks.js';
import { resolveClasses, type ModelClassOptions } from './class-count.js';
import { ModelOptionError } from './model-option-error.js';

/**
 * LeNet-1's output: `softmax`, one linear unit per class (10 for digits) read as logits (train
 * with cross-entropy), or `place-code`, the 1989 network's own: one scaled-tanh unit per class
 * trained to +1 for the class and -1 elsewhere, computed as an RbfOutput with
 * {@link placeCodes} so that its MLE criterion is the squared error to those targets (and
 * SDLM's Gauss-Newton split applies).
 */
export type Lenet1Head = 'softmax' | 'place-code';

const LENET1_HEADS: readonly string[] = ['softmax', 'place-code'] satisfies Lenet1Head[];

/** Options of {@link lenet1}. */
export interface Lenet1Options extends ModelSeedOptions, ModelClassOptions {
  /** Default `softmax`. */
  head?: Lenet1Head;
}

/**
 * LeNet-1 exactly as the papers describe it: a 28x28 input (the paper centres a 16x16 digit
 * in it), H1 = 4 maps of 5x5 convolution (24x24), H2 = trainable 2x2 subsampling, H3 = 12
 * maps of 5x5 convolution over the H3 table's 20 of 48 links (8x8), H4 = trainable
 * subsampling (4x4), and a full output layer of 10 units (`classes` units for other data
 * sets). 2,578 trainable parameters, 98,442 connections, 4,635 units (with 10 classes; each
 * class more adds 193 parameters). Every hidden layer squashes with `1.7159 tanh(2a/3)`;
 * weights start uniform in +-2.4 / fan-in (or as `initialisation` says).
 *
 * Input `[batch, 28, 28, 1]`; output `[batch, classes]` logits (train with
 * `softmaxCrossEntropy`, read out with `readOut(output, 'logits')`), or with `head:
 * 'place-code'` the squared distances of the scaled-tanh outputs to the place codes
 * `placeCodes(classes)` (train with `rbfMleLoss`, read out with `readOut(output, 'rbf')`;
 * `classes^2` fixed parameters more, 100 for digits).
 *
 * @throws {@link ModelOptionError} for an unknown head, or a class count that is not an
 *   integer >= 2.
 *
 * @example
 * ```ts
 * const model = lenet1();
 * console.log(formatSummary(summarize(model))); // 2,578 trainable parameters
 * const letters = lenet1({ head: 'place-code', classes: 26 });
 * ```
 * @see LeCun et al. 1989 (NIPS 2); LeCun et al. 1998, Section III.C.2.
 */
export function lenet1(options: Lenet1Options = {}): tf.LayersModel {
  const head = options.head ?? 'softmax';
  if (!LENET1_HEADS.includes(head))
    throw new ModelOptionError('lenet1', 'head', LENET1_HEADS.join(' or '), JSON.stringify(head));
  const classes = resolveClasses('lenet1', options.classes);
  const seed = layerSeeds(options.seed);
  const initialisation = options.initialisation ?? 'paper';
  const input = tf.input({ shape: [28, 28, 1], name: 'input' });
  const output = chain(input, [
    tf.layers.conv2d({
      name: 'H1',
      filters: 4,
      kernelSize: 5,
      ...unitInitializers(25, seed(), initialisation),
    }),
    activationLayer('scaledTanh', 'H1'),
    new TrainableSubsampling2D({
      name: 'H2',
      activation: 'scaledTanh',
      seed: seed(),
      initialisation,
    }),
    new PartialConv2D({ name: 'H3', table: H3_TABLE, seed: seed(), initialisation }),
    activationLayer('scaledTanh', 'H3'),
    new TrainableSubsampling2D({
      name: 'H4',
      activation: 'scaledTanh',
      seed: seed(),
      initialisation,
    }),
    tf.layers.flatten({ name: 'H4_flatten' }),
    tf.layers.dense({
      name: 'OUTPUT',
      units: classes,
      ...unitInitializers(192, seed(), initialisation),
    }),
    ...(head === 'place-code'
      ? [
          activationLayer('scaledTanh', 'OUTPUT'),
          new RbfOutput({ name: 'OUTPUT_codes', codes: placeCodes(classes) }),
        ]
      : []),
  ]);
  return tf.model({
    inputs: input,
    outputs: output,
    name: head === 'place-code' ? 'lenet1_place_code' : 'lenet1',
  });
}
