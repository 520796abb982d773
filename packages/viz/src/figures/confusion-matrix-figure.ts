import { colorMapHex } from '../color/color-maps.js';
import type { Scene, Shape } from '../scene/scene.js';
import { filledRect, mutedColor, textShape } from '../scene/shapes.js';
import { textExtent } from '../text/text-columns.js';
import { classNamesFor } from './class-names.js';
import { overallError, perClassError, toConfusionRows } from './confusion-statistics.js';
import type { ConfusionMatrixInput } from './confusion-statistics.js';
import { figureMargin, figureTitle, figureTitleWidth, titleHeight } from './figure-title.js';

/** Input of {@link confusionMatrixFigure}. */
export interface ConfusionMatrixFigureInput {
  /** Counts, `matrix[trueClass][predictedClass]`; nested or flat row-major. */
  readonly matrix: ConfusionMatrixInput;
  /**
   * The name of each class, `classNames[label]`, one per row of the matrix (e.g. the
   * `classNames` of a `@lenet/data` dataset). Each is written in full beside its row; above
   * the columns they stand upright when they fit a cell (digits) and read bottom to top
   * otherwise, the figure growing to hold the longest. The PNG's bitmap font draws printable
   * ASCII only: `お (o)` is drawn there as its romanisation `(o)`, and in full in SVG and on
   * a canvas. Default `0`, `1`, ...
   */
  readonly classNames?: readonly string[];
  /** Default `Confusion matrix`. */
  readonly title?: string;
}

const cell = 34;
const labelBand = 40;
const errorBand = 130;
const nameSize = 12;
// Room for the axis title (`true`, `predicted`) between the margin and the class names.
const axisBand = 22;

/**
 * The position of a count on the colour scale: `log(1 + count) / log(1 + largest)`, so
 * the few errors off the diagonal stay visible next to thousands of correct answers.
 */
export function countShade(count: number, largest: number): number {
  return largest <= 0 ? 0 : Math.log1p(count) / Math.log1p(largest);
}

/**
 * The confusion matrix (rows: true class, columns: predicted class) with every count
 * written in its cell, shaded on a log scale, and each class's error rate beside it. The
 * number of classes is the matrix's; the figure grows with it and with the class names.
 *
 * @throws {FigureInputError} When the matrix is not square or holds invalid counts, or `classNames` does not name each class.
 * @example
 * ```ts
 * const scene = confusionMatrixFigure({ matrix: counts }); // counts: Int32Array(100)
 * const fashion = confusionMatrixFigure({ matrix: counts, classNames: FASHION_MNIST.classNames });
 * await writePng(scene, 'confusion.png');
 * ```
 */
export function confusionMatrixFigure(input: ConfusionMatrixFigureInput): Scene {
  const rows = toConfusionRows(input.matrix);
  const size = rows.length;
  const names = classNamesFor(input.classNames, size, `a ${size}x${size} matrix`);
  const nameWidth = Math.ceil(Math.max(...names.map((name) => textExtent(name, nameSize))));
  // Column names wider than a cell would run into each other: they read bottom to top.
  const upright = nameWidth <= cell - 4;
  const nameBand = Math.max(labelBand, axisBand + nameWidth + 8);
  const largest = Math.max(...rows.flat());
  const left = figureMargin + nameBand;
  const top = figureMargin + titleHeight + (upright ? labelBand : nameBand);
  const title = input.title ?? 'Confusion matrix';
  const subtitle = `error ${(overallError(rows) * 100).toFixed(2)}% (rows: true class, columns: predicted)`;
  const shapes: Shape[] = figureTitle(title, subtitle);
  shapes.push(
    textShape(left + (size * cell) / 2, figureMargin + titleHeight + 10, 'predicted', {
      size: 11,
      anchor: 'middle',
      color: mutedColor,
    }),
  );
  shapes.push(
    textShape(figureMargin + 10, top + (size * cell) / 2, 'true', {
      size: 11,
      anchor: 'middle',
      color: mutedColor,
      rotate: -90,
    }),
  );
  rows.forEach((row, trueClass) => {
    const name = names[trueClass] ?? '';
    shapes.push(
      textShape(left - 8, top + (trueClass + 0.5) * cell, name, {
        size: nameSize,
        anchor: 'end',
      }),
    );
    const column = left + (trueClass + 0.5) * cell;
    shapes.push(
      upright
        ? textShape(column, top - 12, name, { size: nameSize, anchor: 'middle' })
        : textShape(column, top - 8, name, { size: nameSize, rotate: -90 }),
    );
    row.forEach((count, predicted) => {
      const shade = countShade(count, largest);
      shapes.push(
        filledRect(
          left + predicted * cell,
          top + trueClass * cell,
          cell - 1,
          cell - 1,
          colorMapHex('blues', shade),
        ),
      );
      if (count > 0) {
        const color = shade > 0.6 ? '#ffffff' : '#222222';
        shapes.push(
          textShape(
            left + (predicted + 0.5) * cell,
            top + (trueClass + 0.5) * cell,
            String(count),
            { size: count >= 1000 ? 9 : 11, anchor: 'middle', color },
          ),
        );
      }
    });
  });
  shapes.push(...errorColumn(perClassError(rows), left + size * cell + 16, top));
  return {
    width: Math.max(
      left + size * cell + errorBand + figureMargin,
      figureTitleWidth(title, subtitle),
    ),
    height: top + size * cell + figureMargin,
    background: '#ffffff',
    shapes,
  };
}

function errorColumn(errors: readonly number[], x: number, top: number): Shape[] {
  const largest = Math.max(...errors, 1e-9);
  const shapes: Shape[] = [
    textShape(x, top - 12, 'error per class', { size: 11, color: mutedColor }),
  ];
  errors.forEach((rate, index) => {
    const y = top + index * cell;
    shapes.push(filledRect(x, y + 8, (rate / largest) * 60, cell - 17, '#d95f02'));
    shapes.push(textShape(x + 66, y + cell / 2, `${(rate * 100).toFixed(1)}%`, { size: 11 }));
  });
  return shapes;
}
