import { C3_TABLE } from '@lenet/core';
import { describe, expect, it } from 'vitest';
import {
  fillerValues,
  kernelsOf,
  lenet1Layers,
  lenet5Layers,
} from '../__fixtures__/lenet-shapes.js';
import { FigureInputError } from '../figure-input-error.js';
import type { ImageShape, RectShape } from '../scene/scene.js';
import { expectValidFigure, textNamed } from '../test-support/render-checks.js';
import { kernelsFigure } from './kernels-figure.js';

describe('kernelsFigure', () => {
  it.each([
    ['LeNet-5', lenet5Layers],
    ['LeNet-1', lenet1Layers],
  ])('draws the kernels of %s as a valid PNG and SVG of its stated size', (_, layers) => {
    const scene = kernelsFigure({ layers: kernelsOf(layers) });
    expectValidFigure(scene);
  });

  it("draws C3's connection table: a kernel where Table I connects, an empty slot where it does not", () => {
    const connections = C3_TABLE.map((row) => row.map((entry) => entry === 1));
    const scene = kernelsFigure({
      layers: [{ name: 'C3', shape: [5, 5, 6, 16], weights: fillerValues(2400, 3), connections }],
    });
    const kernels = scene.shapes.filter((shape): shape is ImageShape => shape.kind === 'image');
    const empty = scene.shapes.filter(
      (shape): shape is RectShape => shape.kind === 'rect' && shape.fill === '#f2f2f2',
    );
    expect(kernels).toHaveLength(60);
    expect(empty).toHaveLength(36);
    const slot = (shape: { x: number; y: number }) =>
      [
        Math.round((shape.x - kernels[0]!.x) / 29),
        Math.round((shape.y - kernels[0]!.y) / 29),
      ] as const;
    for (const kernel of kernels) expect(C3_TABLE[slot(kernel)[1]]?.[slot(kernel)[0]]).toBe(1);
    for (const gap of empty) expect(C3_TABLE[slot(gap)[1]]?.[slot(gap)[0]]).toBe(0);
  });

  it('colours weights on a symmetric diverging scale: zero white, the extremes blue and red', () => {
    const weights = new Float32Array(25);
    weights[0] = -2;
    weights[24] = 1;
    const scene = kernelsFigure({ layers: [{ name: 'C1', shape: [5, 5, 1, 1], weights }] });
    const kernel = scene.shapes.find((shape): shape is ImageShape => shape.kind === 'image')!;
    const cell = (index: number) => Array.from(kernel.pixels.subarray(index * 3, index * 3 + 3));
    expect(cell(0)).toEqual([5, 48, 97]);
    expect(cell(12)).toEqual([247, 247, 247]);
    expect(cell(24)[0]).toBeGreaterThan(cell(24)[2] ?? 255);
  });

  it('shows at most the requested number of output maps and says so', () => {
    const scene = kernelsFigure({
      layers: [{ name: 'C5', shape: [5, 5, 2, 120], weights: fillerValues(6000, 5) }],
      maximumOutputs: 8,
    });
    expect(scene.shapes.filter((shape) => shape.kind === 'image')).toHaveLength(16);
    expect(textNamed(scene, 'C5: 2x120 kernels of 5x5, first 8 of 120 output maps')).toBeDefined();
  });

  it('rejects weights that do not fit the shape and a table of the wrong size', () => {
    expect(() =>
      kernelsFigure({
        layers: [{ name: 'C1', shape: [5, 5, 1, 6], weights: new Float32Array(149) }],
      }),
    ).toThrow(FigureInputError);
    expect(() =>
      kernelsFigure({
        layers: [
          {
            name: 'C3',
            shape: [1, 1, 2, 2],
            weights: new Float32Array(4),
            connections: [[true, true]],
          },
        ],
      }),
    ).toThrow(/2 rows/);
  });
});
