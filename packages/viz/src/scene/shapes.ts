import type { ImageShape, LineShape, RectShape, TextAnchor, TextShape } from './scene.js';

/** Styling of {@link textShape}. */
export interface TextStyle {
  /** Font size in pixels. Default 12. */
  readonly size?: number;
  /** Colour. Default `#222222`. */
  readonly color?: string;
  /** Default `'start'`. */
  readonly anchor?: TextAnchor;
  readonly bold?: boolean;
  readonly rotate?: 0 | -90;
}

/** Text colour used by every figure unless told otherwise. */
export const inkColor = '#222222';
/** Colour of axes, frames and secondary labels. */
export const mutedColor = '#777777';

/**
 * A filled rectangle.
 *
 * @param fill - `#rrggbb`.
 */
export function filledRect(
  x: number,
  y: number,
  width: number,
  height: number,
  fill: string,
): RectShape {
  return { kind: 'rect', x, y, width, height, fill };
}

/** An outlined, unfilled rectangle. */
export function outlinedRect(
  x: number,
  y: number,
  width: number,
  height: number,
  stroke: string,
  strokeWidth = 1,
): RectShape {
  return { kind: 'rect', x, y, width, height, stroke, strokeWidth };
}

/** A polyline through flat `[x0, y0, x1, y1, ...]` points. */
export function polyline(points: readonly number[], stroke: string, strokeWidth = 1): LineShape {
  return { kind: 'line', points, stroke, strokeWidth };
}

/** One line of text centred vertically on `y`. */
export function textShape(x: number, y: number, text: string, style: TextStyle = {}): TextShape {
  return {
    kind: 'text',
    x,
    y,
    text,
    size: style.size ?? 12,
    color: style.color ?? inkColor,
    anchor: style.anchor ?? 'start',
    bold: style.bold ?? false,
    rotate: style.rotate ?? 0,
  };
}

/** An image of `columns x rows` RGB cells stretched over a box. */
export function imageShape(
  box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  columns: number,
  rows: number,
  pixels: Uint8ClampedArray,
): ImageShape {
  return { kind: 'image', ...box, columns, rows, pixels };
}

/** The width in pixels a text of `length` characters takes at `size` (monospace, 0.6 em). */
export function textWidth(length: number, size: number): number {
  return length * size * 0.6;
}
