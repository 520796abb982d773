import { colorMapHex } from '../color/color-maps.js';
import type { Scene, Shape } from '../scene/scene.js';
import { filledRect, mutedColor, textShape } from '../scene/shapes.js';
import { overallError, perClassError, toConfusionRows } from './confusion-statistics.js';
import type { ConfusionMatrixInput } from './confusion-statistics.js';
import { figureMargin, figureTitle, titleHeight } from './figure-title.js';

/** Input of {@link confusionMatrixFigure}. */
export interface ConfusionMatrixFigureInput {
  /** Counts, `matrix[trueClass][predictedClass]`; nested or flat row-major. */
  readonly matrix: ConfusionMatrixInput;
  /** Class names. Default `0`, `1`, ... */
  readonly labels?: readonly string[];
  /** Default `Confusion matrix`. */
  readonly title?: string;
}

const cell = 34;
const labelBand = 40;
const errorBand = 130;

/**
 * The position of a count on the colour scale: `log(1 + count) / log(1 + largest)`, so
 * the few errors off the diagonal stay visible next to thousands of correct answers.
 */
export function countShade(count: number, largest: number): number {
  return largest <= 0 ? 0 : Math.log1p(count) / Math.log1p(largest);
}

/**
 * The confusion matrix (rows: true class, columns: predicted class) with every count
 * written in its cell, shaded on a log scale, and each class's error rate beside it.
 *
 * @throws {FigureInputError} When the matrix is not square or holds invalid counts.
 * @example
 * ```ts
 * const scene = confusionMatrixFigure({ matrix: counts }); // counts: Int32Array(100)
 * await writePng(scene, 'confusion.png');
 * ```
 */
export function confusionMatrixFigure(input: ConfusionMatrixFigureInput): Scene {
  const rows = toConfusionRows(input.matrix);
  const size = rows.length;
  const labels = input.labels ?? rows.map((_, index) => String(index));
  const largest = Math.max(...rows.flat());
  const left = figureMargin + labelBand;
  const top = figureMargin + titleHeight + labelBand;
  const error = overallError(rows);
  const shapes: Shape[] = figureTitle(
    input.title ?? 'Confusion matrix',
    `error ${(error * 100).toFixed(2)}% (rows: true class, columns: predicted)`,
  );
  shapes.push(
    textShape(left + (size * cell) / 2, top - 30, 'predicted', {
      size: 11,
      anchor: 'middle',
      color: mutedColor,
    }),
  );
  shapes.push(
    textShape(left - 30, top + (size * cell) / 2, 'true', {
      size: 11,
      anchor: 'middle',
      color: mutedColor,
      rotate: -90,
    }),
  );
  rows.forEach((row, trueClass) => {
    shapes.push(
      textShape(left - 8, top + (trueClass + 0.5) * cell, labels[trueClass] ?? '', {
        size: 12,
        anchor: 'end',
      }),
    );
    shapes.push(
      textShape(left + (trueClass + 0.5) * cell, top - 12, labels[trueClass] ?? '', {
        size: 12,
        anchor: 'middle',
      }),
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
    width: left + size * cell + errorBand + figureMargin,
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
