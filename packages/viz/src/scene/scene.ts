/** Horizontal alignment of a text shape relative to its `x`. */
export type TextAnchor = 'start' | 'middle' | 'end';

/** A filled and/or outlined axis-aligned rectangle. Colours are `#rrggbb`. */
export interface RectShape {
  readonly kind: 'rect';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Fill colour; no fill when absent. */
  readonly fill?: string;
  /** Outline colour; no outline when absent. */
  readonly stroke?: string;
  /** Outline width in pixels, drawn inside the rectangle. Default 1. */
  readonly strokeWidth?: number;
}

/** An open polyline through `points` (flat `[x0, y0, x1, y1, ...]`). */
export interface LineShape {
  readonly kind: 'line';
  readonly points: readonly number[];
  readonly stroke: string;
  readonly strokeWidth: number;
}

/** A filled disc, for chart markers. */
export interface CircleShape {
  readonly kind: 'circle';
  readonly x: number;
  readonly y: number;
  readonly radius: number;
  readonly fill: string;
}

/**
 * One line of text. `y` is the vertical middle of the capital letters; the font is
 * monospace with an advance of 0.6 x `size` per character.
 */
export interface TextShape {
  readonly kind: 'text';
  readonly x: number;
  readonly y: number;
  /**
   * The text, drawn as given in SVG and on a canvas. The PNG's bitmap font has printable
   * ASCII only: a run of other characters before a parenthesised ASCII part is drawn as that
   * part (`お (o)` as `(o)`, a romanisation), any other such character as `?`.
   */
  readonly text: string;
  /** Font size in pixels (capitals are 0.7 x `size` tall). */
  readonly size: number;
  readonly color: string;
  readonly anchor: TextAnchor;
  readonly bold?: boolean;
  /** `-90` turns the text to read bottom to top (for a vertical axis title). Default 0. */
  readonly rotate?: 0 | -90;
}

/**
 * A grid of `columns x rows` coloured cells stretched over the given box, drawn with
 * hard edges (nearest neighbour).
 */
export interface ImageShape {
  readonly kind: 'image';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly columns: number;
  readonly rows: number;
  /** Row-major RGB triplets, `columns * rows * 3` bytes (see `colorizeValues`). */
  readonly pixels: Uint8ClampedArray;
}

/** Any drawable primitive of a {@link Scene}. */
export type Shape = RectShape | LineShape | CircleShape | TextShape | ImageShape;

/**
 * A figure as plain data: a canvas size, a background and the shapes to paint in order.
 * Every figure function returns one; the PNG, SVG and canvas back ends render it.
 */
export interface Scene {
  readonly width: number;
  readonly height: number;
  /** Background colour, `#rrggbb`. */
  readonly background: string;
  readonly shapes: readonly Shape[];
}
