import { describe, expect, it } from 'vitest';
import { lenet1Layers, lenet5Layers } from '../__fixtures__/lenet-shapes.js';
import { FigureInputError } from '../figure-input-error.js';
import type { RectShape } from '../scene/scene.js';
import { expectValidFigure, textNamed } from '../test-support/render-checks.js';
import { architectureFigure } from './architecture-figure.js';

describe('architectureFigure', () => {
  it.each([
    ['LeNet-5', lenet5Layers],
    ['LeNet-1', lenet1Layers],
  ])('draws %s as a valid PNG and SVG of its stated size', (_, layers) => {
    const scene = architectureFigure({ layers });
    expectValidFigure(scene);
  });

  it('labels every layer with its maps and size, left to right in order', () => {
    const scene = architectureFigure({ layers: lenet5Layers });
    const positions = lenet5Layers.map((layer) => textNamed(scene, layer.name).x);
    expect(positions).toEqual([...positions].sort((first, second) => first - second));
    expect(textNamed(scene, '6@28x28')).toBeDefined();
    expect(textNamed(scene, '16@5x5')).toBeDefined();
    expect(textNamed(scene, '84')).toBeDefined();
    expect(textNamed(scene, 'subsampling')).toBeDefined();
    expect(textNamed(scene, 'gaussian')).toBeDefined();
  });

  it('sizes map stacks by the maps they draw: C1 larger than S2, at most six copies', () => {
    const scene = architectureFigure({ layers: lenet5Layers.slice(1, 4) });
    const squares = scene.shapes.filter(
      (shape): shape is RectShape => shape.kind === 'rect' && shape.fill !== undefined,
    );
    const sides = [...new Set(squares.map((square) => square.width))];
    expect(sides).toEqual([70, 35, 25]);
    expect(squares.filter((square) => square.width === 25)).toHaveLength(6);
  });

  it('rejects an empty network and sizes that are not whole numbers', () => {
    expect(() => architectureFigure({ layers: [] })).toThrow(FigureInputError);
    expect(() =>
      architectureFigure({ layers: [{ name: 'X', kind: 'full', maps: 2.5, height: 1, width: 1 }] }),
    ).toThrow(/layers\[0\]\.maps/);
  });
});
