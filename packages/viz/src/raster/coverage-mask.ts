import type { Rgb } from '../color/rgb.js';
import { blendPixel } from './rgba-image.js';
import type { RgbaImage } from './rgba-image.js';

/**
 * How much of each pixel (0..1) one shape covers, accumulated over the shape's parts and
 * blended into the image once, so overlapping parts (glyph pixels, polyline joints) leave
 * no seams.
 */
export class CoverageMask {
  private readonly left: number;
  private readonly top: number;
  private readonly columns: number;
  private readonly rows: number;
  private readonly coverage: Float32Array;

  /** A mask over the image pixels that the box `[x0, x1) x [y0, y1)` touches. */
  constructor(image: RgbaImage, x0: number, y0: number, x1: number, y1: number) {
    this.left = Math.max(0, Math.floor(x0));
    this.top = Math.max(0, Math.floor(y0));
    this.columns = Math.max(0, Math.min(image.width, Math.ceil(x1)) - this.left);
    this.rows = Math.max(0, Math.min(image.height, Math.ceil(y1)) - this.top);
    this.coverage = new Float32Array(this.columns * this.rows);
  }

  /** Adds the exact area of the rectangle inside each pixel. */
  addRect(x: number, y: number, width: number, height: number): void {
    const right = x + width;
    const bottom = y + height;
    for (
      let row = Math.max(this.top, Math.floor(y));
      row < Math.min(this.top + this.rows, Math.ceil(bottom));
      row += 1
    ) {
      const coveredY = Math.min(row + 1, bottom) - Math.max(row, y);
      for (
        let column = Math.max(this.left, Math.floor(x));
        column < Math.min(this.left + this.columns, Math.ceil(right));
        column += 1
      ) {
        const coveredX = Math.min(column + 1, right) - Math.max(column, x);
        this.add(column, row, coveredX * coveredY);
      }
    }
  }

  /** Covers pixels by their distance to a shape: `coverageOf(centreX, centreY)` in 0..1, kept as a maximum. */
  addByDistance(coverageOf: (centreX: number, centreY: number) => number): void {
    for (let row = 0; row < this.rows; row += 1) {
      for (let column = 0; column < this.columns; column += 1) {
        const index = row * this.columns + column;
        const value = coverageOf(this.left + column + 0.5, this.top + row + 0.5);
        if (value > (this.coverage[index] ?? 0)) this.coverage[index] = value;
      }
    }
  }

  /** Paints `color` into the image with each pixel's coverage as opacity. */
  blendInto(image: RgbaImage, color: Rgb): void {
    for (let row = 0; row < this.rows; row += 1) {
      for (let column = 0; column < this.columns; column += 1) {
        blendPixel(
          image,
          this.left + column,
          this.top + row,
          color,
          this.coverage[row * this.columns + column] ?? 0,
        );
      }
    }
  }

  private add(column: number, row: number, amount: number): void {
    const index = (row - this.top) * this.columns + (column - this.left);
    this.coverage[index] = Math.min(1, (this.coverage[index] ?? 0) + amount);
  }
}
