import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  imagesToTensor,
  labelsToTensor,
  padImagesTensor,
  paperScaleTensor,
  standardizeTensor,
} from './tensors.js';

const batch = { images: new Uint8Array([0, 255, 51, 102]), count: 1, height: 2, width: 2 };

function withoutLeaks(run: () => void) {
  const before = tf.memory().numTensors;
  run();
  expect(tf.memory().numTensors).toBe(before);
}

describe('tensor transforms', () => {
  it('turn images into [count, height, width, 1] with the paper scaling', () => {
    withoutLeaks(() => {
      const input = imagesToTensor(batch);
      expect(input.shape).toEqual([1, 2, 2, 1]);
      const values = Array.from(input.dataSync());
      [-0.1, 1.175, 0.155, 0.41].forEach((expected, index) => {
        expect(values[index]).toBeCloseTo(expected, 5);
      });
      input.dispose();
    });
  });

  it('offer unit, raw and mean/std scaling', () => {
    withoutLeaks(() => {
      const unit = imagesToTensor(batch, 'unit');
      const raw = imagesToTensor(batch, 'none');
      const standard = imagesToTensor(batch, { mean: 51, std: 51 });
      expect(Array.from(unit.dataSync())).toEqual([0, 1, 0.2, 0.4].map(Math.fround));
      expect(Array.from(raw.dataSync())).toEqual([0, 255, 51, 102]);
      expect(Array.from(standard.dataSync())).toEqual([-1, 4, 0, 1]);
      tf.dispose([unit, raw, standard]);
    });
  });

  it('pad, scale and one-hot without leaking tensors', () => {
    withoutLeaks(() => {
      const pixels = tf.tensor4d([0, 255, 51, 102], [1, 2, 2, 1]);
      const padded = padImagesTensor(pixels);
      expect(padded.shape).toEqual([1, 6, 6, 1]);
      expect(Array.from(padded.dataSync()).reduce((sum, value) => sum + value, 0)).toBe(408);
      const scaled = paperScaleTensor(pixels);
      expect(Math.max(...scaled.dataSync())).toBeCloseTo(1.175, 5);
      const standard = standardizeTensor(pixels, { mean: 0, std: 0 });
      expect(Array.from(standard.dataSync())).toEqual([0, 255, 51, 102]);
      const oneHot = labelsToTensor(new Uint8Array([2, 0]), 3);
      expect(oneHot.arraySync()).toEqual([
        [0, 0, 1],
        [1, 0, 0],
      ]);
      tf.dispose([pixels, padded, scaled, standard, oneHot]);
    });
  });
});
