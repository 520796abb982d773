import * as tf from '@tensorflow/tfjs';
import { imagesToTensor, padImages } from '@lenet/data';
import { lenet1, lenet5 } from '@lenet/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { FigureInputError } from '../figure-input-error.js';
import { activationsFigure } from '../figures/activations-figure.js';
import { mnistTestDigits } from '../test-support/mnist-test-digits.js';
import { expectValidFigure } from '../test-support/render-checks.js';
import { activationsFromModel } from './activations-from-model.js';

describe('activationsFromModel on a real MNIST test digit', () => {
  let digit: Uint8Array;

  beforeAll(async () => {
    digit = (await mnistTestDigits(1)).images[0]!;
  });

  it.each([
    [
      'LeNet-1',
      lenet1,
      false,
      [[28, 28, 1], [24, 24, 4], [12, 12, 4], [8, 8, 12], [4, 4, 12], [10]],
    ],
    [
      'LeNet-5',
      lenet5,
      true,
      [[32, 32, 1], [28, 28, 6], [14, 14, 6], [10, 10, 16], [5, 5, 16], [1, 1, 120], [84], [10]],
    ],
  ])('reads every layer of %s, draws them, and leaks no tensors', (_, build, padded, shapes) => {
    const model = build();
    const batch = { images: digit, count: 1, height: 28, width: 28 };
    const input = imagesToTensor(padded ? padImages(batch) : batch);
    const before = tf.memory().numTensors;
    const layers = activationsFromModel(model, input);
    expect(tf.memory().numTensors).toBe(before);
    expect(layers.map((layer) => layer.shape)).toEqual(shapes);
    expect(layers[0]?.values).toEqual(input.dataSync());
    const tanhLayer = layers[1]!;
    expect(Math.max(...Array.from(tanhLayer.values, Math.abs))).toBeLessThanOrEqual(1.7159);
    expectValidFigure(activationsFigure({ layers, output: padded ? 'penalties' : 'scores' }));
    input.dispose();
    model.dispose();
  });

  it('agrees with the model: its last layer is the model output', () => {
    const model = lenet5();
    const input = imagesToTensor(padImages({ images: digit, count: 1, height: 28, width: 28 }));
    const output = model.predict(input) as tf.Tensor;
    expect(Array.from(activationsFromModel(model, input).at(-1)?.values ?? [])).toEqual(
      Array.from(output.dataSync()),
    );
    tf.dispose([input, output]);
    model.dispose();
  });

  it('rejects a batch of more than one', () => {
    const model = lenet1();
    const input = tf.zeros([2, 28, 28, 1]);
    expect(() => activationsFromModel(model, input)).toThrow(FigureInputError);
    input.dispose();
    model.dispose();
  });
});
