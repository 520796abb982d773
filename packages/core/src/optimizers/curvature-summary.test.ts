import { describe, expect, it } from 'vitest';
import { curvatureByLayer, spreadOf } from './curvature-summary.js';

describe('curvatureByLayer', () => {
  it('takes the min, median and max of h_kk and of the step sizes over each layer', () => {
    const diagonal = new Map([
      ['C1/kernel', [0.5, 0.1, 0.3]],
      ['C1/bias', [2]],
      ['F6/kernel', [0, 0.02]],
    ]);
    const layers = curvatureByLayer(diagonal, (curvature) => 0.0005 / (0.02 + curvature));
    expect(layers.map((layer) => [layer.layer, layer.weights])).toEqual([
      ['C1', 4],
      ['F6', 2],
    ]);
    expect(layers[0]?.curvature).toEqual({ min: 0.1, median: 0.4, max: 2 });
    expect(layers[0]?.rate.max).toBeCloseTo(0.0005 / 0.12, 12);
    expect(layers[0]?.rate.min).toBeCloseTo(0.0005 / 2.02, 12);
    expect(layers[1]?.rate).toEqual({
      min: 0.0005 / 0.04,
      median: (0.0005 / 0.04 + 0.0005 / 0.02) / 2,
      max: 0.0005 / 0.02,
    });
  });

  it('gives the middle value of an odd count and zeros for no values', () => {
    expect(spreadOf(Float64Array.from([3, 1, 2]))).toEqual({ min: 1, median: 2, max: 3 });
    expect(spreadOf(new Float64Array(0))).toEqual({ min: 0, median: 0, max: 0 });
  });
});
