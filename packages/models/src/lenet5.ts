import * as tf from '@tensorflow/tfjs';
import { C3_TABLE, PartialConv2D, RbfOutput, TrainableSubsampling2D } from '@lenet/core';
import { activationLayer, chain, layerSeeds, unitInitializers } from './model-building-blocks.js';
import type { ModelActivation } from './model-building-blocks.js';
import type { InitialisationScheme } from '@lenet/core';
import { resolveLenet5Options } from './lenet5-options.js';
import type { Lenet5Options, Lenet5Pooling } from './lenet5-options.js';

function pooling(
  kind: Lenet5Pooling,
  activation: ModelActivation,
  name: string,
  seed: number | undefined,
  initialisation: InitialisationScheme,
): tf.layers.Layer {
  if (kind === 'average') return tf.layers.averagePooling2d({ name, poolSize: 2 });
  if (kind === 'max') return tf.layers.maxPooling2d({ name, poolSize: 2 });
  return new TrainableSubsampling2D({ name, activation, seed, initialisation });
}

function convolution(
  name: string,
  filters: number,
  channels: number,
  activation: ModelActivation,
  seed: number | undefined,
  initialisation: InitialisationScheme,
): tf.layers.Layer[] {
  return [
    tf.layers.conv2d({
      name,
      filters,
      kernelSize: 5,
      ...unitInitializers(25 * channels, seed, initialisation),
    }),
    activationLayer(activation, name),
  ];
}

/**
 * LeNet-5 (LeCun et al. 1998): a 32x32 input, C1 (6 maps of 5x5 convolution, 28x28), S2
 * (subsampling, 14x14), C3 (16 maps of 5x5 convolution over Table I's links, 10x10), S4
 * (5x5), C5 (120 maps of 5x5 convolution, 1x1), F6 (84 units) and the output. With the
 * defaults (the paper): 60,000 trainable and 840 fixed parameters, 340,908 connections, the
 * squashing `1.7159 tanh(2a/3)`, weights uniform in +-2.4 / fan-in (`initialisation: 'eblearn'`
 * for LeCun's lab code's +-1 / sqrt(fan-in), which SDLM needs), and an RBF output layer
 * whose outputs are distances to the 7x12 digit codes (train with `rbfMleLoss` or
 * `rbfMapLoss`, read out with `readOut(output, 'rbf')`).
 *
 * Options swap the head (`softmax`: a dense layer of 10 logits, 60,850 trainable
 * parameters; train with `softmaxCrossEntropy`), the activation, the pooling and C3's
 * connectivity; `preset: 'modern'` selects ReLU, max-pooling, full C3 and softmax at once.
 * `classes` sets the softmax head's logits for other data sets (85 parameters a class); the
 * RBF head's codes are the ten digits, so it takes 10 classes only.
 *
 * Input `[batch, 32, 32, 1]` (28x28 MNIST padded by 2); output `[batch, classes]`.
 *
 * @param options - See {@link Lenet5Options}. Default: the paper's network.
 * @throws {@link ModelOptionError} for an unknown option value, a class count that is not an
 *   integer >= 2, or a class count other than 10 with the RBF head (use `head: 'softmax'`).
 * @example
 * ```ts
 * const model = lenet5();
 * console.log(formatSummary(summarize(model))); // the paper's table
 * const modern = lenet5({ preset: 'modern' });
 * const twelve = lenet5({ head: 'softmax', classes: 12 }); // 61,020 trainable parameters
 * ```
 * @see LeCun et al. 1998, Section II.B and Table I.
 */
export function lenet5(options: Lenet5Options = {}): tf.LayersModel {
  const {
    head,
    activation,
    pooling: poolingKind,
    c3,
    initialisation,
    classes,
  } = resolveLenet5Options(options);
  const seed = layerSeeds(options.seed);
  const input = tf.input({ shape: [32, 32, 1], name: 'input' });
  const c1 = convolution('C1', 6, 1, activation, seed(), initialisation);
  const s2 = pooling(poolingKind, activation, 'S2', seed(), initialisation);
  const c3Layers =
    c3 === 'table'
      ? [
          new PartialConv2D({ name: 'C3', table: C3_TABLE, seed: seed(), initialisation }),
          activationLayer(activation, 'C3'),
        ]
      : convolution('C3', 16, 6, activation, seed(), initialisation);
  const s4 = pooling(poolingKind, activation, 'S4', seed(), initialisation);
  const c5 = convolution('C5', 120, 16, activation, seed(), initialisation);
  const features = chain(input, [
    ...c1,
    s2,
    ...c3Layers,
    s4,
    ...c5,
    tf.layers.flatten({ name: 'C5_flatten' }),
    tf.layers.dense({ name: 'F6', units: 84, ...unitInitializers(120, seed(), initialisation) }),
    activationLayer(activation, 'F6'),
  ]);
  const outputLayer =
    head === 'rbf'
      ? new RbfOutput({ name: 'OUTPUT' })
      : tf.layers.dense({
          name: 'OUTPUT',
          units: classes,
          ...unitInitializers(84, seed(), initialisation),
        });
  const name = head === 'rbf' ? 'lenet5' : 'lenet5_softmax';
  return tf.model({
    inputs: input,
    outputs: outputLayer.apply(features) as tf.SymbolicTensor,
    name,
  });
}

/**
 * The common "modern LeNet-5": ReLU, max-pooling, full C3 and a softmax head (61,706
 * trainable parameters with 10 classes, 85 more a class). Same as
 * `lenet5({ ...options, preset: 'modern' })`.
 *
 * @param options - Overrides of the modern preset, and `classes`.
 * @throws {@link ModelOptionError} for an unknown option value, or a class count that is not an
 *   integer >= 2.
 * @example
 * ```ts
 * const model = lenet5Modern();
 * model.compile({ optimizer: 'adam', loss: softmaxCrossEntropy });
 * const threeClasses = lenet5Modern({ classes: 3 });
 * ```
 */
export function lenet5Modern(options: Omit<Lenet5Options, 'preset'> = {}): tf.LayersModel {
  return lenet5({ ...options, preset: 'modern' });
}
