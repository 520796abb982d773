import { valueDomain } from '../color/color-maps.js';
import type { Domain } from '../color/color-maps.js';
import type { Scene, Shape } from '../scene/scene.js';
import { mutedColor, textShape } from '../scene/shapes.js';
import { checkCount, checkLength } from './check-input.js';
import { figureMargin, figureTitle, titleHeight } from './figure-title.js';
import { imageGrid } from './image-grid.js';

/** One row of the digits figure: images of one size shown the same way. */
export interface DigitsRow {
  /** Shown left of the row, e.g. `raw 28x28`. */
  readonly label: string;
  /** Row-major pixel values, `width * height` each. */
  readonly images: readonly ArrayLike<number>[];
  readonly width: number;
  readonly height: number;
  /** The values drawn white and black. Default: the row's smallest and largest value. */
  readonly domain?: Domain;
}

/** Input of {@link digitsFigure}. */
export interface DigitsFigureInput {
  readonly rows: readonly DigitsRow[];
  /** Default `What the network sees`. */
  readonly title?: string;
}

const labelWidth = 150;
const tileSize = 64;

/**
 * A grid of input images, one row per preparation step (e.g. raw 28x28, padded to 32x32,
 * scaled to -0.1..1.175), each image scaled to about the same size, ink dark on white.
 *
 * @throws {FigureInputError} When an image does not hold `width * height` values.
 * @see LeCun et al. 1998, Section III.A (the MNIST preparation).
 * @example
 * ```ts
 * const scene = digitsFigure({ rows: [{ label: 'raw 28x28', images, width: 28, height: 28, domain: [0, 255] }] });
 * ```
 */
export function digitsFigure(input: DigitsFigureInput): Scene {
  const shapes: Shape[] = figureTitle(
    input.title ?? 'What the network sees',
    'each row: the same digits at one step of the preparation',
  );
  let y = figureMargin + titleHeight + 8;
  let width = 0;
  input.rows.forEach((row, rowIndex) => {
    checkCount(`rows[${rowIndex}].width`, row.width, 1);
    checkCount(`rows[${rowIndex}].height`, row.height, 1);
    row.images.forEach((image, index) => {
      checkLength(
        `rows[${rowIndex}].images[${index}]`,
        image,
        row.width * row.height,
        `${row.width}x${row.height} pixels`,
      );
    });
    const domain = row.domain ?? valueDomain(row.images.flatMap((image) => Array.from(image)));
    const cellSize = Math.max(1, Math.round(tileSize / row.height));
    const grid = imageGrid(
      row.images.map((values) => ({
        values,
        columns: row.width,
        rows: row.height,
        domain,
        colorMap: 'greys',
      })),
      { x: figureMargin + labelWidth, y, cellSize, perRow: 10, gap: 8, captionHeight: 0 },
    );
    shapes.push(
      textShape(figureMargin, y + grid.height / 2 - 8, row.label, { size: 12, bold: true }),
    );
    shapes.push(
      textShape(
        figureMargin,
        y + grid.height / 2 + 8,
        `${row.width}x${row.height}, ${formatDomain(domain)}`,
        { size: 11, color: mutedColor },
      ),
    );
    shapes.push(...grid.shapes);
    y += grid.height + 16;
    width = Math.max(width, grid.width);
  });
  return {
    width: figureMargin * 2 + labelWidth + width,
    height: y + figureMargin - 8,
    background: '#ffffff',
    shapes,
  };
}

function formatDomain(domain: Domain): string {
  return `${Number(domain[0].toFixed(3))}..${Number(domain[1].toFixed(3))}`;
}
