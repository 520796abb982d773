// Small LeNets built from core's layers for any class count, and tfjs's own loss and gradients
// to compare the LeNet engine with.
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import type { LenetEngine } from '../engine/lenet-engine.js';
import { ScaledTanh } from '../activations/scaled-tanh.js';
import type { EngineCriterion } from '../engine/output-loss.js';
import { C3_TABLE, H3_TABLE } from '../layers/connection-table.js';
import { PartialConv2D } from '../layers/partial-conv-2d.js';
import { RbfOutput } from '../layers/rbf-output.js';
import { TrainableSubsampling2D } from '../layers/trainable-subsampling-2d.js';
import { rbfMapLoss, rbfMleLoss, softmaxCrossEntropy } from '../losses/rbf-losses.js';
import { seededRandom, seededValues } from './kernel-comparison.js';

const uniform = (seed: number) =>
  tf.initializers.randomUniform({ minval: -0.3, maxval: 0.3, seed });

/** `classes` codes of +-1 over F6's 84 units: the digit codes for 10 classes, else seeded signs. */
function rbfCodes(classes: number): number[][] | undefined {
  if (classes === 10) return undefined;
  return Array.from({ length: classes }, (_, code) =>
    Array.from(seededValues([84], 100 + code), (value) => (value < 0 ? -1 : 1)),
  );
}

/** The paper's LeNet-5, from core's layers: C3 over Table I, trainable subsampling, RBF codes. */
export function paperLenet5(classes = 10): tf.Sequential {
  const model = tf.sequential();
  model.add(
    tf.layers.conv2d({
      inputShape: [32, 32, 1],
      filters: 6,
      kernelSize: 5,
      kernelInitializer: uniform(1),
      biasInitializer: uniform(2),
    }),
  );
  model.add(new ScaledTanh({}));
  model.add(new TrainableSubsampling2D({ activation: 'scaledTanh', seed: 3 }));
  model.add(new PartialConv2D({ table: C3_TABLE, seed: 4 }));
  model.add(new ScaledTanh({}));
  model.add(new TrainableSubsampling2D({ activation: 'scaledTanh', seed: 5 }));
  model.add(
    tf.layers.conv2d({
      filters: 120,
      kernelSize: 5,
      kernelInitializer: uniform(6),
      biasInitializer: uniform(7),
    }),
  );
  model.add(new ScaledTanh({}));
  model.add(tf.layers.flatten());
  model.add(
    tf.layers.dense({ units: 84, kernelInitializer: uniform(8), biasInitializer: uniform(9) }),
  );
  model.add(new ScaledTanh({}));
  const codes = rbfCodes(classes);
  model.add(new RbfOutput(codes === undefined ? {} : { codes }));
  return model;
}

/** ReLU, max-pooling, a full C3, a fused dense activation and a softmax head of `classes` logits. */
export function modernLenet5(classes = 10): tf.Sequential {
  const model = tf.sequential();
  model.add(
    tf.layers.conv2d({
      inputShape: [32, 32, 1],
      filters: 6,
      kernelSize: 5,
      activation: 'relu',
      kernelInitializer: uniform(11),
      biasInitializer: uniform(12),
    }),
  );
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(
    tf.layers.conv2d({
      filters: 16,
      kernelSize: 5,
      kernelInitializer: uniform(13),
      biasInitializer: uniform(14),
    }),
  );
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(
    tf.layers.dense({
      units: 120,
      activation: 'relu',
      kernelInitializer: uniform(15),
      biasInitializer: uniform(16),
    }),
  );
  model.add(
    tf.layers.dense({
      units: classes,
      kernelInitializer: uniform(17),
      biasInitializer: uniform(18),
    }),
  );
  return model;
}

/** LeNet-1 (H1 5x5 conv, H2 pooling, H3 partial conv over the H3 table, H4 pooling, dense) at any input size and class count. */
export function lenet1At(
  size: number,
  pooling: 'subsampling' | 'average',
  classes = 10,
): tf.Sequential {
  const model = tf.sequential();
  model.add(
    tf.layers.conv2d({
      inputShape: [size, size, 1],
      filters: 4,
      kernelSize: 5,
      activation: 'tanh',
      kernelInitializer: uniform(21),
      biasInitializer: uniform(22),
    }),
  );
  model.add(
    pooling === 'average'
      ? tf.layers.averagePooling2d({ poolSize: 2 })
      : new TrainableSubsampling2D({ activation: 'scaledTanh', seed: 23 }),
  );
  model.add(new PartialConv2D({ table: H3_TABLE, activation: 'tanh', seed: 24 }));
  model.add(
    pooling === 'average'
      ? tf.layers.averagePooling2d({ poolSize: 2 })
      : new TrainableSubsampling2D({ activation: 'scaledTanh', seed: 25 }),
  );
  model.add(tf.layers.flatten());
  model.add(
    tf.layers.dense({
      units: classes,
      kernelInitializer: uniform(26),
      biasInitializer: uniform(27),
    }),
  );
  return model;
}

const losses: Record<EngineCriterion, (labels: tf.Tensor, output: tf.Tensor) => tf.Scalar> = {
  map: (labels, output) => rbfMapLoss(labels, output),
  mle: rbfMleLoss,
  'cross-entropy': softmaxCrossEntropy,
};

/** tfjs's loss and gradient (on the active backend), flattened in trainableWeights order; one-hot labels as wide as the model's output. */
export function tfjsGradients(
  model: tf.LayersModel,
  criterion: EngineCriterion,
  pixels: Float32Array,
  size: number,
  labels: Uint8Array,
): { loss: number; gradients: Float32Array } {
  const classes = model.outputs[0]?.shape.at(-1) ?? 0;
  const { value, grads } = tf.tidy(() => {
    const inputs = tf.tensor4d(pixels, [labels.length, size, size, 1]);
    const targets = tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat();
    return tf.variableGrads(() => losses[criterion](targets, model.apply(inputs) as tf.Tensor));
  });
  const flat = new Float32Array(
    model.trainableWeights.reduce((sum, weight) => sum + weight.read().size, 0),
  );
  let offset = 0;
  for (const weight of model.trainableWeights) {
    const gradient = grads[weight.name];
    if (gradient !== undefined) flat.set(gradient.dataSync(), offset);
    offset += weight.read().size;
  }
  const loss = value.dataSync()[0] ?? Number.NaN;
  tf.dispose([value, grads]);
  return { loss, gradients: flat };
}

/** The largest difference between two gradients, relative to the largest reference value of each weight. */
export function worstRelativeError(
  model: tf.LayersModel,
  actual: Float32Array,
  expected: Float32Array,
): number {
  let worst = 0;
  let offset = 0;
  for (const weight of model.trainableWeights) {
    const size = weight.shape.reduce<number>((product, side) => product * (side ?? 1), 1);
    let difference = 0;
    let scale = 1e-12;
    for (let index = offset; index < offset + size; index += 1) {
      difference = Math.max(difference, Math.abs((actual[index] ?? 0) - (expected[index] ?? 0)));
      scale = Math.max(scale, Math.abs(expected[index] ?? 0));
    }
    worst = Math.max(worst, difference / scale);
    offset += size;
  }
  return worst;
}

/** `count` seeded images of side `size` and seeded labels below `classes`. */
export function batchFor(
  size: number,
  count: number,
  seed: number,
  classes = 10,
): { pixels: Float32Array; labels: Uint8Array } {
  const random = seededRandom(seed);
  return {
    pixels: seededValues([count, size, size, 1], seed, 1.2),
    labels: Uint8Array.from({ length: count }, () => Math.floor(random() * classes)),
  };
}

/**
 * Expects the engine to give tfjs's loss, gradients (within 2e-5 of each weight's largest) and
 * outputs for one batch.
 */
export function expectEngineMatchesTfjs(
  engine: LenetEngine,
  model: tf.LayersModel,
  criterion: EngineCriterion,
  batch: { pixels: Float32Array; labels: Uint8Array; size: number },
): void {
  const { pixels, labels, size } = batch;
  const ours = engine.gradients({ pixels, size, labels }, criterion);
  const reference = tfjsGradients(model, criterion, pixels, size, labels);
  expect(ours.loss).toBeCloseTo(reference.loss, 4);
  expect(worstRelativeError(model, ours.gradients, reference.gradients)).toBeLessThan(2e-5);
  const predicted = tf.tidy(() =>
    (model.predict(tf.tensor4d(pixels, [labels.length, size, size, 1])) as tf.Tensor).dataSync(),
  );
  const outputs = engine.predict(pixels, size);
  expect(outputs).toHaveLength(predicted.length);
  for (let index = 0; index < outputs.length; index += 1)
    expect(outputs[index]).toBeCloseTo(predicted[index] ?? Number.NaN, 3);
}
