import { describe, expect, it } from 'vitest';
import { FigureInputError } from '../figure-input-error.js';
import { renderRaster } from '../raster/render-raster.js';
import { pixelAt } from '../raster/rgba-image.js';
import type { RectShape, Scene } from '../scene/scene.js';
import { renderSvg } from '../svg/render-svg.js';
import { glyphBoxes } from '../text/glyph-boxes.js';
import {
  expectLegibleText,
  expectValidFigure,
  pngTextBox,
  textNamed,
  texts,
  textsNamed,
} from '../test-support/render-checks.js';
import { confusionMatrixFigure, countShade } from './confusion-matrix-figure.js';
import { overallError, perClassError } from './confusion-statistics.js';
import { FASHION_MNIST } from '@lenet/data';

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

const fashionNames = FASHION_MNIST.classNames!;

/** A matrix of `size` classes, mostly right, with a few errors off the diagonal. */
function countsOf(size: number): number[][] {
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, column) =>
      row === column ? 900 + row : (row * 7 + column * 3) % 5,
    ),
  );
}

function cellsOf(scene: Scene): RectShape[] {
  return scene.shapes.filter(
    (shape): shape is RectShape => shape.kind === 'rect' && shape.width === 33,
  );
}

describe('confusionMatrixFigure with class names', () => {
  it.each([
    [3, ['T-shirt/top', 'Ankle boot', 'Pullover']],
    [12, [...fashionNames, 'Hat', 'Backpack with straps']],
  ])(
    'lays out %i classes with every long name drawn and nothing outside the canvas',
    (size, names) => {
      const scene = confusionMatrixFigure({ matrix: countsOf(size), classNames: names });
      const cells = cellsOf(scene);
      expect(cells).toHaveLength(size * size);
      const [first, last] = [cells[0]!, cells[size * size - 1]!];
      names.forEach((name, label) => {
        const [row, column] = textsNamed(scene, name);
        // In full beside its row, right-aligned before the first cell ...
        expect(row).toMatchObject({ anchor: 'end', rotate: 0, y: first.y + (label + 0.5) * 34 });
        expect(row!.x).toBeLessThan(first.x);
        // ... and upright over its column, reading bottom to top from just above the cells.
        expect(column).toMatchObject({ rotate: -90, x: first.x + (label + 0.5) * 34 });
        expect(pngTextBox(column!).y + pngTextBox(column!).height).toBeLessThan(first.y);
      });
      const rates = texts(scene).filter((text) => /^\d+\.\d%$/.test(text.text));
      expect(rates.map((rate) => rate.y)).toEqual(
        names.map((_, label) => first.y + (label + 0.5) * 34),
      );
      expect(Math.min(...rates.map((rate) => rate.x))).toBeGreaterThan(last.x + 33);
      expect(scene.height).toBeGreaterThanOrEqual(last.y + 33);
      expectLegibleText(scene);
      expectValidFigure(scene);
    },
  );

  it('grows with the longest name rather than running the names into the title or the cells', () => {
    const short = confusionMatrixFigure({
      matrix: countsOf(3),
      classNames: ['Bag', 'Coat', 'Dress'],
    });
    const long = confusionMatrixFigure({
      matrix: countsOf(3),
      classNames: ['Bag', 'Coat', 'Backpack with straps'],
    });
    expect(cellsOf(long)[0]!.x).toBeGreaterThan(cellsOf(short)[0]!.x);
    expect(cellsOf(long)[0]!.y).toBeGreaterThan(cellsOf(short)[0]!.y);
    expect(long.width).toBeGreaterThan(short.width);
  });

  it('paints every name in the PNG: ink where each row name is', () => {
    const names = ['T-shirt/top', 'Ankle boot', 'Pullover'];
    const scene = confusionMatrixFigure({ matrix: countsOf(3), classNames: names });
    const image = renderRaster(scene, { scale: 2 });
    for (const name of names) {
      const inked = glyphBoxes(textsNamed(scene, name)[0]!).some(
        (box) =>
          brightness(
            pixelAt(
              image,
              Math.floor((box.x + box.width / 2) * 2),
              Math.floor((box.y + box.height / 2) * 2),
            ),
          ) <
          3 * 128,
      );
      expect(inked, name).toBe(true);
    }
  });

  it('keeps the digits of a default call upright, where they always were', () => {
    const scene = confusionMatrixFigure({ matrix: countsOf(10) });
    const first = cellsOf(scene)[0]!;
    expect([first.x, first.y]).toEqual([56, 100]);
    for (let label = 0; label < 10; label += 1) {
      const [row, column] = textsNamed(scene, String(label)).filter((text) => text.size === 12);
      expect(row).toMatchObject({ anchor: 'end', x: first.x - 8 });
      expect(column).toMatchObject({ anchor: 'middle', rotate: 0, y: first.y - 12 });
    }
    expect(textNamed(scene, 'predicted').y).toBe(first.y - 30);
    expectLegibleText(scene);
    expectLegibleText(confusionMatrixFigure({ matrix }));
  });

  it('draws a kana name in full in SVG and by its romanisation in the PNG', () => {
    const names = ['お (o)', 'き (ki)', 'す (su)'];
    const scene = confusionMatrixFigure({ matrix: countsOf(3), classNames: names });
    const svg = renderSvg(scene);
    for (const name of names) expect(svg).toContain(`>${name}</text>`);
    const row = textsNamed(scene, 'き (ki)')[0]!;
    expect(glyphBoxes(row)).toEqual(glyphBoxes({ ...row, text: '(ki)' }));
    expectLegibleText(scene);
  });

  it('rejects class names that do not name each class', () => {
    expect(() => confusionMatrixFigure({ matrix: countsOf(3), classNames: fashionNames })).toThrow(
      FigureInputError,
    );
    expect(() => confusionMatrixFigure({ matrix: countsOf(3), classNames: ['a', 'b'] })).toThrow(
      /3 names, one per class of a 3x3 matrix/,
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
