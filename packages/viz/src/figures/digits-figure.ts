import { valueDomain } from '../color/color-maps.js';
import type { Domain } from '../color/color-maps.js';
import type { Scene, Shape } from '../scene/scene.js';
import { mutedColor, textShape } from '../scene/shapes.js';
import { FigureInputError } from '../figure-input-error.js';
import { checkCount, checkLength } from './check-input.js';
import { checkClassLabels, className } from './class-names.js';
import { figureMargin, figureTitle, figureTitleWidth, titleHeight } from './figure-title.js';
import { captionWidth, imageGrid } from './image-grid.js';

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
  /**
   * The class of each image, in the order of every row's images (each row shows the same
   * examples), written above the first row's images as `classNames[label]`. Default: no captions.
   */
  readonly labels?: ArrayLike<number>;
  /**
   * The name of each class, `classNames[label]` (e.g. the `classNames` of a `@lenet/data`
   * dataset), for the `labels`' captions; given, the subtitle says `images` instead of
   * `digits`. The PNG's bitmap font draws printable ASCII only: `お (o)` is drawn there as its
   * romanisation `(o)`, and in full in SVG and on a canvas. Default: the labels' digits.
   */
  readonly classNames?: readonly string[];
  /** Default `What the network sees`. */
  readonly title?: string;
}

const labelWidth = 150;
const tileSize = 64;
const captionHeight = 16;
const perRow = 10;

/**
 * A grid of input images, one row per preparation step (e.g. raw 28x28, padded to 32x32,
 * scaled to -0.1..1.175), each image scaled to about the same size, ink dark on white.
 *
 * @throws {FigureInputError} When an image does not hold `width * height` values, or `labels` are not one class (named by `classNames`, when given) per image of a row.
 * @see LeCun et al. 1998, Section III.A (the MNIST preparation).
 * @example
 * ```ts
 * const scene = digitsFigure({ rows: [{ label: 'raw 28x28', images, width: 28, height: 28, domain: [0, 255] }] });
 * const fashion = digitsFigure({ rows, labels, classNames: FASHION_MNIST.classNames });
 * ```
 */
export function digitsFigure(input: DigitsFigureInput): Scene {
  const captions = labelCaptions(input);
  const title = input.title ?? 'What the network sees';
  const subtitle = `each row: the same ${input.classNames === undefined ? 'digits' : 'images'} at one step of the preparation`;
  const shapes: Shape[] = figureTitle(title, subtitle);
  // With captions, every row's columns line up under them, whatever its images' size.
  const slotWidth =
    captions === undefined
      ? undefined
      : Math.max(
          captionWidth(captions.flat()),
          ...input.rows.map((row) => row.width * rowCellSize(row)),
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
    const rowCaptions = rowIndex === 0 ? captions : undefined;
    const grid = imageGrid(
      row.images.map((values, index) => ({
        values,
        columns: row.width,
        rows: row.height,
        domain,
        colorMap: 'greys',
        captionLines: rowCaptions?.[index],
        captionColor: '#222222',
      })),
      {
        x: figureMargin + labelWidth,
        y,
        cellSize: rowCellSize(row),
        perRow,
        gap: 8,
        captionHeight: rowCaptions === undefined ? 0 : captionHeight,
        slotWidth,
      },
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
    width: Math.max(figureMargin * 2 + labelWidth + width, figureTitleWidth(title, subtitle)),
    height: y + figureMargin - 8,
    background: '#ffffff',
    shapes,
  };
}

function rowCellSize(row: DigitsRow): number {
  return Math.max(1, Math.round(tileSize / row.height));
}

/** Each image's caption line, its class's name, when `labels` are given. */
function labelCaptions(input: DigitsFigureInput): (readonly string[])[] | undefined {
  const { labels, classNames } = input;
  if (labels === undefined) return undefined;
  const images = input.rows[0]?.images.length ?? 0;
  if (labels.length !== images) {
    throw new FigureInputError({
      field: 'labels',
      expected: `one label per image of a row (${images})`,
      actual: `${labels.length} labels`,
    });
  }
  checkClassLabels('labels', labels, classNames);
  return Array.from(labels, (label) => [className(label, classNames)]);
}

function formatDomain(domain: Domain): string {
  return `${Number(domain[0].toFixed(3))}..${Number(domain[1].toFixed(3))}`;
}
