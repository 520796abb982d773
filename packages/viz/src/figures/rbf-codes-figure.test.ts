import { DIGIT_CODES } from '@lenet/core';
import { describe, expect, it } from 'vitest';
import { FigureInputError } from '../figure-input-error.js';
import { renderRaster } from '../raster/render-raster.js';
import { pixelAt } from '../raster/rgba-image.js';
import type { ImageShape } from '../scene/scene.js';
import { expectLegibleText, expectValidFigure, textNamed } from '../test-support/render-checks.js';
import { rbfCodesFigure } from './rbf-codes-figure.js';
import { FASHION_MNIST } from '@lenet/data';

describe('rbfCodesFigure', () => {
  const scene = rbfCodesFigure({ codes: DIGIT_CODES });
  const tiles = scene.shapes.filter((shape): shape is ImageShape => shape.kind === 'image');

  it("draws LeNet-5's ten codes as 7x12 bitmaps, labelled 0 to 9", () => {
    expect(tiles.map((tile) => [tile.columns, tile.rows])).toEqual(
      Array.from({ length: 10 }, () => [7, 12]),
    );
    expect(textNamed(scene, '9').x).toBeGreaterThan(textNamed(scene, '0').x);
  });

  it('paints +1 black and -1 white at each code position', () => {
    const image = renderRaster(scene);
    DIGIT_CODES.forEach((code, digit) => {
      const tile = tiles[digit]!;
      code.forEach((value, position) => {
        const x = tile.x + (position % 7) * 6 + 3;
        const y = tile.y + Math.floor(position / 7) * 6 + 3;
        expect(pixelAt(image, x, y)[0]).toBe(value > 0 ? 0 : 255);
      });
    });
  });

  it('takes the codes as one flat array too, and is a valid PNG and SVG of its stated size', () => {
    const flat = Float32Array.from(DIGIT_CODES.flat());
    const fromFlat = rbfCodesFigure({ codes: flat });
    expect(fromFlat.shapes.length).toBe(scene.shapes.length);
    expectValidFigure(fromFlat);
  });

  it('writes a class name over each code, widening the columns for long names', () => {
    const names = FASHION_MNIST.classNames!;
    const named = rbfCodesFigure({ codes: DIGIT_CODES, classNames: names });
    const namedTiles = named.shapes.filter((shape): shape is ImageShape => shape.kind === 'image');
    names.forEach((name, index) => {
      expect(textNamed(named, name).x).toBe(namedTiles[index]!.x + namedTiles[index]!.width / 2);
    });
    expect(named.width).toBeGreaterThan(scene.width);
    expectLegibleText(named);
    expectLegibleText(scene);
    expect(() => rbfCodesFigure({ codes: DIGIT_CODES, classNames: ['Bag', 'Coat'] })).toThrow(
      /10 names, one per class of 10 codes/,
    );
  });

  it('rejects codes of the wrong size', () => {
    expect(() => rbfCodesFigure({ codes: [[1, -1]] })).toThrow(FigureInputError);
    expect(() => rbfCodesFigure({ codes: new Float32Array(85) })).toThrow(/multiple of 84/);
  });
});
