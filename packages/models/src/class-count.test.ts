import * as tf from '@tensorflow/tfjs';
import { placeCodes } from '@lenet/core';
import { describe, expect, it } from 'vitest';
import { modelClasses } from './class-count.js';
import { lenet1 } from './lenet1.js';
import { lenet4 } from './lenet4.js';
import { lenet5, lenet5Modern } from './lenet5.js';
import { ModelOptionError } from './model-option-error.js';
import { summarize } from './summarize.js';

/** The model's output width and trainable and fixed parameters; the model is disposed. */
function measure(model: tf.LayersModel): [number, number, number] {
  const { totals } = summarize(model);
  const classes = modelClasses(model);
  model.dispose();
  return [classes, totals.trainableParameters, totals.fixedParameters];
}

describe('the model factories with a class count', () => {
  it('build one output per class, each class adding its output unit and weights', () => {
    // LeNet-1: 192 inputs + 1 bias a class; LeNet-4: 120 + 1; LeNet-5's softmax heads: 84 + 1.
    expect(measure(lenet1({ classes: 3 }))).toEqual([3, 2_578 - 7 * 193, 0]);
    expect(measure(lenet4({ classes: 12 }))).toEqual([12, 50_698 + 2 * 121, 0]);
    expect(measure(lenet5({ head: 'softmax', classes: 12 }))).toEqual([12, 60_850 + 2 * 85, 0]);
    expect(measure(lenet5Modern({ classes: 3 }))).toEqual([3, 61_706 - 7 * 85, 0]);
  });

  it("keeps the papers' counts with the default of 10 classes", () => {
    expect(measure(lenet1({ classes: 10 }))).toEqual([10, 2_578, 0]);
    expect(measure(lenet5({ classes: 10 }))).toEqual([10, 60_000, 840]);
    expect(measure(lenet5({ head: 'softmax' }))).toEqual([10, 60_850, 0]);
  });

  it("gives LeNet-1's place-code head the place codes of its class count", () => {
    const model = lenet1({ head: 'place-code', classes: 12, seed: 1 });
    const codes = model.getLayer('OUTPUT_codes').getWeights()[0];
    // RbfOutput stores the codes as [inputs, codes]: symmetric for place codes.
    expect(codes?.shape).toEqual([12, 12]);
    expect(codes?.arraySync()).toEqual(placeCodes(12));
    expect(measure(model)).toEqual([12, 2_578 + 2 * 193, 144]);
  });

  it("refuses LeNet-5's RBF head for other than 10 classes, offering the softmax head", () => {
    const build = () => lenet5({ classes: 12 });
    expect(build).toThrow(ModelOptionError);
    expect(build).toThrow(
      "lenet5: invalid classes. Expected 10 with head 'rbf', got 12. The RBF head's codes are the ten 7x12 digit bitmaps (DIGIT_CODES): for 12 classes use head: 'softmax' (lenet5-softmax in the catalogue).",
    );
    expect(() => lenet5({ preset: 'paper', classes: 3 })).toThrow(
      /for 3 classes use head: 'softmax'/,
    );
  });

  it.each([1, 0, 2.5, Number.NaN, -3])('refuses %s classes in every factory', (classes) => {
    for (const [owner, build] of [
      ['lenet1', () => lenet1({ classes })],
      ['lenet4', () => lenet4({ classes })],
      ['lenet5', () => lenet5({ head: 'softmax', classes })],
      ['lenet5', () => lenet5Modern({ classes })],
    ] as const) {
      expect(build).toThrow(ModelOptionError);
      expect(build).toThrow(`${owner}: invalid classes. Expected an integer >= 2`);
    }
  });
});

describe('modelClasses', () => {
  it('refuses a model whose output is not one score per class', () => {
    const input = tf.input({ shape: [9, 9, 1] });
    const maps = tf.model({
      inputs: input,
      outputs: tf.layers.conv2d({ filters: 3, kernelSize: 5 }).apply(input) as tf.SymbolicTensor,
      name: 'maps',
    });
    expect(() => modelClasses(maps)).toThrow(
      /modelClasses: invalid output of maps\. Expected one output \[batch, classes\] with at least 2 classes, got \[\[null,5,5,3\]\]/,
    );
    maps.dispose();
  });
});
