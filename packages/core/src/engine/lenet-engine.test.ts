import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ScaledTanh } from '../activations/scaled-tanh.js';
import { setupBackend } from '../backend/setup-backend.js';
import { EngineInputError } from './engine-input-error.js';
import { C3_TABLE, H3_TABLE } from '../layers/connection-table.js';
import { PartialConv2D } from '../layers/partial-conv-2d.js';
import { RbfOutput } from '../layers/rbf-output.js';
import { TrainableSubsampling2D } from '../layers/trainable-subsampling-2d.js';
import { rbfMapLoss, rbfMleLoss, softmaxCrossEntropy } from '../losses/rbf-losses.js';
import { seededRandom, seededValues } from '../test-support/kernel-comparison.js';
import { createLenetEngine, engineSupport } from './create-lenet-engine.js';
import { LenetEngine } from './lenet-engine.js';
import type { EngineCriterion } from './output-loss.js';

const uniform = (seed: number) =>
  tf.initializers.randomUniform({ minval: -0.3, maxval: 0.3, seed });

/** The paper's LeNet-5, from core's layers: C3 over Table I, trainable subsampling, RBF codes. */
function paperLenet5(): tf.Sequential {
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
  model.add(new RbfOutput({}));
  return model;
}

/** ReLU, max-pooling, a full C3, a fused dense activation and a softmax head. */
function modernLenet5(): tf.Sequential {
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
    tf.layers.dense({ units: 10, kernelInitializer: uniform(17), biasInitializer: uniform(18) }),
  );
  return model;
}

/** LeNet-1 (H1 5x5 conv, H2 pooling, H3 partial conv over the H3 table, H4 pooling, dense) at any input size. */
function lenet1At(size: number, pooling: 'subsampling' | 'average'): tf.Sequential {
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
    tf.layers.dense({ units: 10, kernelInitializer: uniform(26), biasInitializer: uniform(27) }),
  );
  return model;
}

const losses: Record<EngineCriterion, (labels: tf.Tensor, output: tf.Tensor) => tf.Scalar> = {
  map: (labels, output) => rbfMapLoss(labels, output),
  mle: rbfMleLoss,
  'cross-entropy': softmaxCrossEntropy,
};

/** tfjs's loss and gradient (cpu backend), flattened in trainableWeights order. */
function tfjsGradients(
  model: tf.LayersModel,
  criterion: EngineCriterion,
  pixels: Float32Array,
  size: number,
  labels: Uint8Array,
): { loss: number; gradients: Float32Array } {
  const { value, grads } = tf.tidy(() => {
    const inputs = tf.tensor4d(pixels, [labels.length, size, size, 1]);
    const targets = tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat();
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
function worstRelativeError(
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

function batchFor(
  size: number,
  count: number,
  seed: number,
): { pixels: Float32Array; labels: Uint8Array } {
  const random = seededRandom(seed);
  return {
    pixels: seededValues([count, size, size, 1], seed, 1.2),
    labels: Uint8Array.from({ length: count }, () => Math.floor(random() * 10)),
  };
}

describe('the LeNet engine', () => {
  beforeAll(async () => {
    await setupBackend({ backends: ['cpu'] });
  });

  const cases: [string, () => tf.Sequential, number, EngineCriterion[]][] = [
    ['the paper LeNet-5', paperLenet5, 32, ['map', 'mle']],
    ['a modern LeNet-5', modernLenet5, 32, ['cross-entropy']],
    ['LeNet-1 with subsampling', () => lenet1At(28, 'subsampling'), 28, ['cross-entropy']],
    [
      'LeNet-1 with average pooling at 24x24 (8-wide maps)',
      () => lenet1At(24, 'average'),
      24,
      ['cross-entropy'],
    ],
    [
      'LeNet-1 at 30x30 (26- and 9-wide maps: masked tails)',
      () => lenet1At(30, 'subsampling'),
      30,
      ['cross-entropy'],
    ],
  ];
  for (const [name, build, size, criteria] of cases) {
    for (const criterion of criteria) {
      it(`gives tfjs's loss and gradients for ${name} (${criterion})`, async () => {
        const model = build();
        const engine = await createLenetEngine(model);
        expect(engine).toBeInstanceOf(LenetEngine);
        // 11 images: one full slice of 8 and a partial one.
        const { pixels, labels } = batchFor(size, 11, size + criterion.length);
        const ours = engine!.gradients({ pixels, size, labels }, criterion);
        const reference = tfjsGradients(model, criterion, pixels, size, labels);
        expect(ours.loss).toBeCloseTo(reference.loss, 4);
        expect(worstRelativeError(model, ours.gradients, reference.gradients)).toBeLessThan(2e-5);
        const predicted = tf.tidy(() =>
          (model.predict(tf.tensor4d(pixels, [11, size, size, 1])) as tf.Tensor).dataSync(),
        );
        const outputs = engine!.predict(pixels, size);
        expect(outputs).toHaveLength(11 * 10);
        for (let index = 0; index < outputs.length; index += 1)
          expect(outputs[index]).toBeCloseTo(predicted[index] ?? Number.NaN, 3);
        model.dispose();
      });
    }
  }

  it('counts correct read-outs as tfjs argMin (RBF) and argMax (logits) do', async () => {
    const model = paperLenet5();
    const engine = await createLenetEngine(model);
    const { pixels } = batchFor(32, 6, 9);
    const outputs = engine!.predict(pixels, 32);
    const nearest = Array.from({ length: 6 }, (_, image) => {
      const row = Array.from(outputs.subarray(image * 10, image * 10 + 10));
      return row.indexOf(Math.min(...row));
    });
    expect(
      engine!.gradients({ pixels, size: 32, labels: Uint8Array.from(nearest) }, 'mle').correct,
    ).toBe(6);
    expect(
      engine!.gradients(
        { pixels, size: 32, labels: Uint8Array.from(nearest, (label) => (label + 1) % 10) },
        'mle',
      ).correct,
    ).toBe(0);
    model.dispose();
  });

  it('trains at the weights it is given, not at the model it was built from', async () => {
    const model = modernLenet5();
    const engine = await createLenetEngine(model);
    const { pixels, labels } = batchFor(32, 4, 31);
    const before = engine!.gradients({ pixels, size: 32, labels }, 'cross-entropy');
    const shifted = new Float32Array(engine!.plan.parameters).fill(0.01);
    engine!.setWeights(shifted);
    const after = engine!.gradients({ pixels, size: 32, labels }, 'cross-entropy');
    expect(after.loss).not.toBeCloseTo(before.loss, 3);
    expect(() => {
      engine!.setWeights(new Float32Array(3));
    }).toThrow(/expected \d+ values, got 3/);
    model.dispose();
  });

  it('descends by w - s * g on the weights it holds, in float32, the gradient being the one gradients() returns', async () => {
    const model = paperLenet5();
    const engine = await createLenetEngine(model);
    const { pixels, labels } = batchFor(32, 3, 41);
    const start = engine!.weights();
    const steps = seededValues([start.length], 43, 1e-3).map(Math.abs);
    const { loss, gradients } = engine!.gradients({ pixels, size: 32, labels }, 'map');
    engine!.setStepSizes(steps);
    const step = engine!.descend({ pixels, size: 32, labels }, 'map');
    expect(step.loss).toBe(loss);
    const expected = start.map((weight, index) =>
      Math.fround(weight - Math.fround((steps[index] ?? 0) * (gradients[index] ?? 0))),
    );
    expect(engine!.weights()).toEqual(expected);
    expect(engine!.descend({ pixels, size: 32, labels }, 'map').loss).toBeLessThan(loss);
    expect(() => {
      engine!.setStepSizes(new Float32Array(2));
    }).toThrow(/setStepSizes: expected \d+ values, got 2/);
    model.dispose();
  });

  it('profiles a step per layer and direction, with the multiply-adds of each, and leaves the weights as they were', async () => {
    const model = paperLenet5();
    const engine = await createLenetEngine(model);
    const { pixels, labels } = batchFor(32, 4, 51);
    const before = engine!.weights();
    const profile = engine!.profile({ pixels, size: 32, labels }, 'map', 2);
    expect(engine!.weights()).toEqual(before);
    expect(profile.batch).toBe(4);
    expect(profile.steps).toHaveLength(engine!.plan.steps.length);
    const c3 = profile.steps.find((step) =>
      step.description.startsWith('convolution 6@14x14 -> 16@10x10'),
    );
    expect(c3?.description).toBe('convolution 6@14x14 -> 16@10x10, 60 links');
    expect([
      c3?.forwardMultiplyAdds,
      c3?.weightGradientMultiplyAdds,
      c3?.inputGradientMultiplyAdds,
    ]).toEqual([60 * 100 * 25 * 4, 60 * 100 * 25 * 4, 60 * 100 * 25 * 4]);
    const c1 = profile.steps[0]!;
    expect([c1.kind, c1.inputGradientMultiplyAdds, c1.inputGradientMs]).toEqual([
      'convolution',
      0,
      0,
    ]);
    for (const step of profile.steps) {
      for (const time of [step.forwardMs, step.weightGradientMs, step.inputGradientMs])
        expect(time).toBeGreaterThanOrEqual(0);
    }
    expect(profile.steps.reduce((sum, step) => sum + step.forwardMs, 0)).toBeGreaterThan(0);
    expect(profile.peakGflops).toBeGreaterThan(0.1);
    model.dispose();
  });

  it('rejects images of the wrong size and mismatched labels with a clear message', async () => {
    const model = paperLenet5();
    const engine = await createLenetEngine(model);
    expect(() => engine!.predict(new Float32Array(28 * 28), 28)).toThrow(
      /expected 32x32 images, got size 28/,
    );
    expect(() => engine!.predict(new Float32Array(28 * 28), 28)).toThrow(EngineInputError);
    expect(() =>
      engine!.gradients(
        { pixels: new Float32Array(2 * 32 * 32), size: 32, labels: new Uint8Array(3) },
        'map',
      ),
    ).toThrow(/2 images but 3 labels/);
    model.dispose();
  });

  it('names the layer it cannot run, and leaves such models to tfjs', async () => {
    const threeByThree = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [32, 32, 1], filters: 2, kernelSize: 3 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 10 }),
      ],
    });
    expect(engineSupport(threeByThree)).toMatch(/Conv2D .*only 5x5/);
    expect(await createLenetEngine(threeByThree)).toBeUndefined();
    const cropped = tf.sequential({
      layers: [
        tf.layers.cropping2D({
          inputShape: [32, 32, 1],
          cropping: [
            [0, 1],
            [0, 1],
          ],
        }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 10 }),
      ],
    });
    expect(engineSupport(cropped)).toMatch(/Cropping2D .*no engine kernel/);
    const color = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [32, 32, 3], filters: 2, kernelSize: 5 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 10 }),
      ],
    });
    expect(engineSupport(color)).toMatch(/one-channel/);
    const wide = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [9, 9, 1], filters: 1025, kernelSize: 5 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 10 }),
      ],
    });
    expect(engineSupport(wide)).toMatch(/Conv2D .*more than 1024 output maps fed by one input map/);
    wide.dispose();
    const twelveClasses = tf.sequential({
      layers: [tf.layers.flatten({ inputShape: [16, 16, 1] }), tf.layers.dense({ units: 12 })],
    });
    expect(engineSupport(twelveClasses)).toMatch(/10 outputs/);
    expect(
      engineSupport(
        tf.sequential({
          layers: [
            tf.layers.flatten({ inputShape: [2, 2, 1] }),
            tf.layers.dense({ units: 84 }),
            new RbfOutput({ trainableCodes: true }),
          ],
        }),
      ),
    ).toMatch(/only fixed codes/);
  });

  it('leaks no tensors', async () => {
    const model = paperLenet5();
    const before = tf.memory().numTensors;
    const engine = await createLenetEngine(model);
    const { pixels, labels } = batchFor(32, 3, 5);
    engine!.gradients({ pixels, size: 32, labels }, 'map');
    engine!.predict(pixels, 32);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
