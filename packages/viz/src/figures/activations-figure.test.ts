import { describe, expect, it } from 'vitest';
import { activationsOf, lenet1Layers, lenet5Layers } from '../__fixtures__/lenet-shapes.js';
import { FigureInputError } from '../figure-input-error.js';
import type { ImageShape, RectShape } from '../scene/scene.js';
import { expectLegibleText, expectValidFigure, textNamed } from '../test-support/render-checks.js';
import { activationsFigure } from './activations-figure.js';
import { mapValues } from './activation-layer.js';

describe('activationsFigure', () => {
  it.each([
    ['LeNet-5', lenet5Layers],
    ['LeNet-1', lenet1Layers],
  ])('draws every layer of %s as a valid PNG and SVG of its stated size', (_, layers) => {
    const scene = activationsFigure({ layers: activationsOf(layers) });
    expectValidFigure(scene);
    for (const layer of layers) expect(textNamed(scene, layer.name)).toBeDefined();
  });

  it('draws one tile per feature map and one strip per vector layer', () => {
    const scene = activationsFigure({
      layers: activationsOf(lenet5Layers).slice(0, 7),
      output: 'none',
    });
    const tiles = scene.shapes.filter((shape): shape is ImageShape => shape.kind === 'image');
    const sizes = tiles.map((tile) => `${tile.columns}x${tile.rows}`);
    expect(sizes.filter((size) => size === '28x28')).toHaveLength(6);
    expect(sizes.filter((size) => size === '10x10')).toHaveLength(16);
    expect(sizes).toContain('120x1');
    expect(sizes).toContain('84x1');
    expect(textNamed(scene, '16@5x5')).toBeDefined();
  });

  it('writes the output penalties and outlines the smallest as the winner', () => {
    const values = Float32Array.from([9, 3, 12, 0.5, 7, 40, 22, 8, 6, 5]);
    const scene = activationsFigure({ layers: [{ name: 'OUTPUT', shape: [10], values }] });
    expect(textNamed(scene, '0.50').color).toBe('#d95f02');
    expect(textNamed(scene, '40.0').color).not.toBe('#d95f02');
    const winners = scene.shapes.filter(
      (shape): shape is RectShape => shape.kind === 'rect' && shape.stroke === '#d95f02',
    );
    expect(winners).toHaveLength(1);
    expect(winners[0]!.x).toBeCloseTo(textNamed(scene, '3').x - 23, 9);
    const scores = activationsFigure({
      layers: [{ name: 'OUTPUT', shape: [10], values }],
      output: 'scores',
    });
    expect(textNamed(scores, '40.0').color).toBe('#d95f02');
  });

  it('names the output units by their classes, as many as the layer has, widening them for long names', () => {
    const values = Float32Array.from([9, 3, 12]);
    const names = ['T-shirt/top', 'Ankle boot', 'Pullover'];
    const scene = activationsFigure({
      layers: [{ name: 'OUTPUT', shape: [3], values }],
      classNames: names,
    });
    const units = scene.shapes.filter((shape): shape is ImageShape => shape.kind === 'image');
    expect(units).toHaveLength(3);
    names.forEach((name, unit) => {
      expect(textNamed(scene, name).x).toBe(units[unit]!.x + units[unit]!.width / 2);
    });
    expect(textNamed(scene, 'Ankle boot').bold).toBe(true);
    expectLegibleText(scene);
    expect(() =>
      activationsFigure({ layers: [{ name: 'OUTPUT', shape: [3], values }], classNames: ['Bag'] }),
    ).toThrow(FigureInputError);
  });

  it('reads maps from the [height, width, maps] layout', () => {
    const values = [1, 10, 2, 20, 3, 30, 4, 40];
    const layout = { height: 2, width: 2, maps: 2, vector: false };
    expect(mapValues(values, layout, 0)).toEqual([1, 2, 3, 4]);
    expect(mapValues(values, layout, 1)).toEqual([10, 20, 30, 40]);
  });

  it('accepts a leading batch of one and rejects values that do not fit the shape', () => {
    const values = new Float32Array(2 * 2 * 3);
    expect(() =>
      activationsFigure({ layers: [{ name: 'C', shape: [1, 2, 2, 3], values }], output: 'none' }),
    ).not.toThrow();
    expect(() =>
      activationsFigure({ layers: [{ name: 'C', shape: [2, 2, 2, 3], values }] }),
    ).toThrow(FigureInputError);
    expect(() => activationsFigure({ layers: [{ name: 'C', shape: [2, 2, 4], values }] })).toThrow(
      /16 values/,
    );
  });
});
