import * as tf from '@tensorflow/tfjs';
import { LenetError } from '@lenet/core/errors';
import { describe, expect, it } from 'vitest';
import { lenet1 } from './lenet1.js';
import { summarize } from './summarize.js';

describe('LeNet-1 with the place-code head', () => {
  it('keeps 2,578 trainable parameters and adds the 100 fixed codes', () => {
    const model = lenet1({ head: 'place-code', seed: 1 });
    const { totals } = summarize(model);
    model.dispose();
    expect(totals.trainableParameters).toBe(2_578);
    expect(totals.fixedParameters).toBe(100);
  });

  it('outputs the squared distances of the 10 scaled-tanh outputs to +-1 targets, smallest at the largest output', () => {
    const model = lenet1({ head: 'place-code', seed: 2 });
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const input = tf.randomUniform([3, 28, 28, 1], -0.1, 1.175, 'float32', 3);
      const outputs = (
        tf
          .model({ inputs: model.inputs, outputs: model.getLayer('OUTPUT_activation').output })
          .predict(input) as tf.Tensor2D
      ).arraySync();
      const distances = (model.predict(input) as tf.Tensor2D).arraySync();
      outputs.forEach((row, image) => {
        row.forEach((_, code) => {
          const expected = row.reduce(
            (sum, value, unit) => sum + (value - (unit === code ? 1 : -1)) ** 2,
            0,
          );
          expect(distances[image]?.[code]).toBeCloseTo(expected, 4);
        });
        const nearest = distances[image]!.indexOf(Math.min(...distances[image]!));
        expect(nearest).toBe(row.indexOf(Math.max(...row)));
      });
    });
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('names the heads it knows when given another', () => {
    expect(() => lenet1({ head: 'rbf' as never })).toThrow(/softmax or place-code/);
    let thrown: unknown;
    try {
      lenet1({ head: 'rbf' as never });
    } catch (error) {
      thrown = error;
    }
    expect(LenetError.isInstance(thrown)).toBe(true);
  });
});
