import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RbfOutput } from '../layers/rbf-output.js';
import { criterionInputCurvature } from './criterion-input-curvature.js';
import { gaussNewtonDiagonal } from './gauss-newton-diagonal.js';
import { SdlmError } from './sdlm-errors.js';

const CODES = [
  [1, -1, 1, -1],
  [-1, 1, 1, 1],
  [1, 1, -1, -1],
];

/** The MAP criterion of one pattern in float64: y_D + log(e^-j + sum_i e^-y_i). */
function mapLoss(x: readonly number[], label: number, j: number): number {
  const distances = CODES.map((code) =>
    code.reduce((sum, value, index) => sum + ((x[index] ?? 0) - value) ** 2, 0),
  );
  return (
    (distances[label] ?? 0) +
    Math.log(Math.exp(-j) + distances.reduce((sum, y) => sum + Math.exp(-y), 0))
  );
}

/** Central second difference of `f` at `x` along coordinate `index`. */
function secondDifference(
  f: (x: number[]) => number,
  x: readonly number[],
  index: number,
  step: number,
): number {
  const at = (delta: number) =>
    f(x.map((value, position) => (position === index ? value + delta : value)));
  return (at(step) - 2 * at(0) + at(-step)) / step ** 2;
}

const CODE_MATRIX = (): tf.Tensor2D => tf.transpose(tf.tensor2d(CODES));

describe('criterionInputCurvature', () => {
  it("is 2 per RBF input for the MLE criterion, the distance's own curvature", () => {
    const curvature = tf.tidy(() =>
      criterionInputCurvature(
        'mle',
        tf.tensor2d([[0.3, -0.2, 0.9, 0.1]]),
        CODE_MATRIX(),
        10,
      ).arraySync(),
    );
    expect(curvature).toEqual([[2, 2, 2, 2]]);
  });

  it("equals the MAP criterion's second derivative in each RBF input, by finite differences in float64", () => {
    const patterns = [
      [0.3, -0.2, 0.9, 0.1],
      [0.9, -0.8, 0.7, -1.1],
      [2.5, 2.0, -2.2, 1.9],
    ];
    for (const j of [1, 10]) {
      const curvature = tf.tidy(
        () =>
          criterionInputCurvature(
            'map',
            tf.tensor2d(patterns),
            CODE_MATRIX(),
            j,
          ).arraySync() as number[][],
      );
      patterns.forEach((x, pattern) => {
        x.forEach((_, index) => {
          // The label does not change it: y_D adds 2 to every input's second derivative whichever class D is.
          const expected = secondDifference((point) => mapLoss(point, 0, j), x, index, 1e-3);
          expect(curvature[pattern]?.[index]).toBeCloseTo(expected, 3);
        });
      });
    }
  });

  it("starts SDLM's recursion: on a linear layer feeding the RBF, h_kk equals the true second derivative of the mean MAP loss", () => {
    const inputs = [
      [0.5, -1.0, 0.25],
      [-0.3, 0.8, 1.1],
    ];
    const kernel = [
      [0.2, -0.4, 0.6, 0.1],
      [-0.5, 0.3, 0.2, -0.2],
      [0.1, 0.7, -0.3, 0.4],
    ];
    const model = tf.sequential({
      layers: [
        tf.layers.dense({
          inputShape: [3],
          units: 4,
          useBias: false,
          weights: [tf.tensor2d(kernel)],
        }),
        new RbfOutput({ codes: CODES }),
      ],
    });
    const diagonal = gaussNewtonDiagonal(
      model,
      tf.tensor2d(inputs),
      tf.oneHot(tf.tensor1d([0, 2], 'int32'), 3),
      { criterion: 'map', mapConstant: 5 },
    );
    const estimate = diagonal.get(model.trainableWeights[0]!.name)!.arraySync() as number[][];
    const meanLoss = (flat: number[]): number => {
      const rows = [0, 1, 2].map((row) => flat.slice(row * 4, row * 4 + 4));
      return (
        inputs.reduce((sum, input, pattern) => {
          const x = [0, 1, 2, 3].map((unit) =>
            input.reduce((total, value, row) => total + value * (rows[row]?.[unit] ?? 0), 0),
          );
          return sum + mapLoss(x, pattern === 0 ? 0 : 2, 5);
        }, 0) / inputs.length
      );
    };
    const flat = kernel.flat();
    flat.forEach((_, index) => {
      expect(estimate[Math.floor(index / 4)]?.[index % 4]).toBeCloseTo(
        secondDifference(meanLoss, flat, index, 1e-3),
        3,
      );
    });
    tf.dispose([...diagonal.values()]);
    model.dispose();
  });

  it('refuses MAP with a projected method, which assumes the MLE criterion', () => {
    const model = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [3], units: 4 }), new RbfOutput({ codes: CODES })],
    });
    const inputs = tf.ones([2, 3]);
    const labels = tf.oneHot(tf.tensor1d([0, 1], 'int32'), 3);
    expect(() =>
      gaussNewtonDiagonal(model, inputs, labels, { criterion: 'map', method: 'exact' }),
    ).toThrow(SdlmError);
    expect(() =>
      gaussNewtonDiagonal(model, inputs, labels, { criterion: 'map', method: 'random-sign' }),
    ).toThrow(/layerwise method only/);
    tf.dispose([inputs, labels]);
    model.dispose();
  });
});
