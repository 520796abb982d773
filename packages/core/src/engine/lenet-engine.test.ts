import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupBackend } from '../backend/setup-backend.js';
import { EngineInputError } from './engine-input-error.js';
import { RbfOutput } from '../layers/rbf-output.js';
import { seededValues } from '../test-support/kernel-comparison.js';
import {
  batchFor,
  expectEngineMatchesTfjs,
  lenet1At,
  modernLenet5,
  paperLenet5,
} from '../test-support/engine-reference.js';
import { createLenetEngine, engineSupport } from './create-lenet-engine.js';
import { LenetEngine } from './lenet-engine.js';
import type { EngineCriterion } from './output-loss.js';

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
        const batch = { ...batchFor(size, 11, size + criterion.length), size };
        expectEngineMatchesTfjs(engine!, model, criterion, batch);
        expect(engine!.predict(batch.pixels, size)).toHaveLength(11 * 10);
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
    expect(() =>
      engine!.gradients(
        { pixels: new Float32Array(2 * 32 * 32), size: 32, labels: Uint8Array.from([3, 10]) },
        'map',
      ),
    ).toThrow(/label 10 \(image 1\) is not one of the model's 10 classes \(0 to 9\)/);
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
    const oneOutput = tf.sequential({
      layers: [tf.layers.flatten({ inputShape: [16, 16, 1] }), tf.layers.dense({ units: 1 })],
    });
    expect(engineSupport(oneOutput)).toMatch(/at least 2 units, one per class .*ends in 1@1x1/);
    const maps = tf.sequential({
      layers: [tf.layers.conv2d({ inputShape: [9, 9, 1], filters: 2, kernelSize: 5 })],
    });
    expect(engineSupport(maps)).toMatch(/a vector of at least 2 units.*ends in 2@5x5/);
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
