import type { Scene, Shape } from '../scene/scene.js';
import { figureMargin, figureTitle, figureTitleWidth, titleHeight } from './figure-title.js';
import { checkCount } from './check-input.js';
import { classNamesFor } from './class-names.js';
import { imageGrid } from './image-grid.js';
import { splitArrays } from './split-arrays.js';

/** Input of {@link rbfCodesFigure}. */
export interface RbfCodesFigureInput {
  /** One code per class (`columns * rows` values, -1 white, +1 black), or all codes concatenated. */
  readonly codes: readonly ArrayLike<number>[] | ArrayLike<number>;
  /** Bitmap width. Default 7. */
  readonly columns?: number;
  /** Bitmap height. Default 12. */
  readonly rows?: number;
  /**
   * The name of each class, one per code, written above it (e.g. the `classNames` of a
   * `@lenet/data` dataset); a code's column widens to hold a long name. The PNG's bitmap
   * font draws printable ASCII only: `お (o)` is drawn there as its romanisation `(o)`, and
   * in full in SVG and on a canvas. Default `0`, `1`, ...
   */
  readonly classNames?: readonly string[];
  /** Default `RBF output codes`. */
  readonly title?: string;
}

/**
 * The output layer's fixed codes drawn as the bitmaps they are (7x12 for LeNet-5's 84
 * F6 units), as in Fig. 3 of the paper.
 *
 * @throws {FigureInputError} When a code does not hold `columns * rows` values, or `classNames` does not name each code.
 * @see LeCun et al. 1998, Section II.B and Fig. 3.
 * @example
 * ```ts
 * const scene = rbfCodesFigure({ codes }); // codes: Float32Array(10 * 84), -1/+1
 * ```
 */
export function rbfCodesFigure(input: RbfCodesFigureInput): Scene {
  const columns = input.columns ?? 7;
  const rows = input.rows ?? 12;
  checkCount('columns', columns, 1);
  checkCount('rows', rows, 1);
  const codes = splitArrays('codes', input.codes, columns * rows, `${columns}x${rows} values`);
  const names = classNamesFor(input.classNames, codes.length, `${codes.length} codes`);
  const title = input.title ?? 'RBF output codes';
  const subtitle = `one ${columns}x${rows} code per class (black +1, white -1)`;
  const shapes: Shape[] = figureTitle(title, subtitle);
  const grid = imageGrid(
    codes.map((values, index) => ({
      values,
      columns,
      rows,
      domain: [-1, 1],
      colorMap: 'greys',
      captionLines: [names[index] ?? ''],
      captionColor: '#222222',
    })),
    {
      x: figureMargin,
      y: figureMargin + titleHeight,
      cellSize: 6,
      perRow: 10,
      gap: 12,
      captionHeight: 18,
    },
  );
  shapes.push(...grid.shapes);
  return {
    width: Math.max(360, grid.width + 2 * figureMargin, figureTitleWidth(title, subtitle)),
    height: figureMargin * 2 + titleHeight + grid.height,
    background: '#ffffff',
    shapes,
  };
}
