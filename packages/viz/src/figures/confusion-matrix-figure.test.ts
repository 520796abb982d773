import { describe, expect, it } from 'vitest';
import { FigureInputError } from '../figure-input-error.js';
import { renderRaster } from '../raster/render-raster.js';
import { pixelAt } from '../raster/rgba-image.js';
import type { RectShape } from '../scene/scene.js';
import { expectValidFigure, textNamed, texts } from '../test-support/render-checks.js';
import { confusionMatrixFigure, countShade } from './confusion-matrix-figure.js';
import { overallError, perClassError } from './confusion-statistics.js';

const matrix = [
  [50, 0, 5],
  [1, 40, 9],
  [0, 20, 30],
];

function brightness(pixel: readonly number[]): number {
  return (pixel[0] ?? 0) + (pixel[1] ?? 0) + (pixel[2] ?? 0);
}

describe('confusionMatrixFigure', () => {
  const scene = confusionMatrixFigure({ matrix });

  const cells = scene.shapes.filter(
    (shape): shape is RectShape => shape.kind === 'rect' && shape.width === 33,
  );
  const countAt = (cell: RectShape): string | undefined =>
    texts(scene).find((text) => text.x === cell.x + 17 && text.y === cell.y + 17)?.text;

  it('has one cell per count, row by row', () => {
    expect(cells).toHaveLength(9);
    expect(cells[1]!.x).toBeGreaterThan(cells[0]!.x);
    expect(cells[3]!.y).toBeGreaterThan(cells[0]!.y);
  });

  it('shades each cell darker the larger its count', () => {
    const image = renderRaster(scene);
    // Sample each cell's corner, away from the count written in its middle.
    const shaded = matrix.flat().map((count, index) => ({
      count,
      shade: brightness(pixelAt(image, cells[index]!.x + 2, cells[index]!.y + 2)),
    }));
    const byCount = [...shaded].sort((first, second) => first.count - second.count);
    byCount.slice(1).forEach((cell, index) => {
      const previous = byCount[index]!;
      if (cell.count > previous.count) expect(cell.shade).toBeLessThan(previous.shade);
      else expect(cell.shade).toBe(previous.shade);
    });
    expect(brightness(pixelAt(image, cells[1]!.x + 2, cells[1]!.y + 2))).toBeGreaterThan(3 * 240);
  });

  it('writes every non-zero count in its cell and each class error beside the row', () => {
    expect(cells.map(countAt)).toEqual([
      '50',
      undefined,
      '5',
      '1',
      '40',
      '9',
      undefined,
      '20',
      '30',
    ]);
    for (const rate of ['9.1%', '20.0%', '40.0%'])
      expect(textNamed(scene, rate).x).toBeGreaterThan(cells[2]!.x + 33);
  });

  it('is a valid PNG and SVG of its stated size', () => {
    expectValidFigure(scene);
  });

  it('accepts a flat Int32Array of 100 counts for ten classes', () => {
    const flat = new Int32Array(100).map((_, index) => (index % 11 === 0 ? 90 : index % 7));
    const tenClasses = confusionMatrixFigure({ matrix: flat });
    expect(
      tenClasses.shapes.filter((shape) => shape.kind === 'rect' && shape.width === 33),
    ).toHaveLength(100);
    expect(textNamed(tenClasses, '90').color).toBe('#ffffff');
  });

  it('rejects a matrix that is not square', () => {
    expect(() => confusionMatrixFigure({ matrix: [[1, 2], [3]] })).toThrow(FigureInputError);
    expect(() => confusionMatrixFigure({ matrix: new Int32Array(99) })).toThrow(
      /square number of counts/,
    );
  });
});

describe('confusion statistics', () => {
  it('computes per-class and overall error from the counts', () => {
    expect(perClassError(matrix)).toEqual([5 / 55, 10 / 50, 20 / 50]);
    expect(overallError(matrix)).toBeCloseTo(35 / 155, 12);
    expect(
      perClassError([
        [0, 0],
        [0, 4],
      ]),
    ).toEqual([0, 0]);
  });

  it('spreads counts on a log scale between 0 and 1', () => {
    expect(countShade(0, 1000)).toBe(0);
    expect(countShade(1000, 1000)).toBe(1);
    expect(countShade(3, 1000)).toBeGreaterThan(0.15);
  });
});
