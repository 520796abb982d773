import type * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupBackend } from '../backend/setup-backend.js';
import {
  batchFor,
  expectEngineMatchesTfjs,
  lenet1At,
  modernLenet5,
  paperLenet5,
} from '../test-support/engine-reference.js';
import { createLenetEngine } from './create-lenet-engine.js';
import { EngineInputError } from './engine-input-error.js';
import type { EngineCriterion } from './output-loss.js';

// 3 outputs fit in no SIMD vector, 7 are one vector and a tail of 3, 12 are a pair and one vector.
const classCounts = [3, 7, 12];

const cases: [string, (classes: number) => tf.Sequential, number, EngineCriterion[]][] = [
  ['the paper LeNet-5 with RBF codes', paperLenet5, 32, ['map', 'mle']],
  ['a modern LeNet-5', modernLenet5, 32, ['cross-entropy']],
  ['LeNet-1', (classes) => lenet1At(28, 'subsampling', classes), 28, ['cross-entropy']],
];

describe('the LeNet engine with other class counts than 10', () => {
  beforeAll(async () => {
    await setupBackend({ backends: ['cpu'] });
  });

  for (const classes of classCounts) {
    for (const [name, build, size, criteria] of cases) {
      for (const criterion of criteria) {
        it(`gives tfjs's loss, gradients and outputs for ${name} with ${String(classes)} classes (${criterion})`, async () => {
          const model = build(classes);
          const engine = await createLenetEngine(model);
          expect(engine?.plan.classes).toBe(classes);
          // 19 images: a full slice of 16 and a partial one; every class among the labels.
          const batch = { ...batchFor(size, 19, size + classes, classes), size };
          batch.labels.set(Array.from({ length: classes }, (_, label) => label));
          expectEngineMatchesTfjs(engine!, model, criterion, batch);
          expect(engine!.predict(batch.pixels, size)).toHaveLength(19 * classes);
          model.dispose();
        });
      }
    }
  }

  it("refuses a label outside the model's classes", async () => {
    const model = lenet1At(28, 'subsampling', 3);
    const engine = await createLenetEngine(model);
    const batch = { pixels: new Float32Array(2 * 28 * 28), size: 28, labels: Uint8Array.of(2, 3) };
    expect(() => engine!.gradients(batch, 'cross-entropy')).toThrow(EngineInputError);
    expect(() => engine!.gradients(batch, 'cross-entropy')).toThrow(
      /label 3 \(image 1\) is not one of the model's 3 classes \(0 to 2\)/,
    );
    model.dispose();
  });
});
