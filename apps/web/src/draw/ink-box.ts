import type { Stroke } from './digit-strokes.js';

/** A stroke as the pad keeps it: its points in the unit square and its pen's width over the pad's side. */
export interface PenStroke {
  readonly points: Stroke;
  readonly penFraction: number;
}

/** The box around a drawing's ink, as shares of the pad's side, and the widest pen it was drawn with. */
export interface InkBox {
  readonly width: number;
  readonly height: number;
  readonly penFraction: number;
}

/** The box around the ink of `strokes` (each point widened by half its pen); undefined for no ink. */
export function inkBoxOf(strokes: readonly PenStroke[]): InkBox | undefined {
  let [left, top, right, bottom, pen] = [Infinity, Infinity, -Infinity, -Infinity, 0];
  for (const { points, penFraction } of strokes)
    for (const [x, y] of points) {
      left = Math.min(left, x - penFraction / 2);
      right = Math.max(right, x + penFraction / 2);
      top = Math.min(top, y - penFraction / 2);
      bottom = Math.max(bottom, y + penFraction / 2);
      pen = Math.max(pen, penFraction);
    }
  return pen === 0 ? undefined : { width: right - left, height: bottom - top, penFraction: pen };
}

/**
 * Whether a drawing is a dot: its ink fits within one and a half pen widths each way. MNIST's
 * preparation scales any ink up to a 20x20 box, so a dot arrives at the network as a fat ring
 * it reads as a 0; no legible digit is that small (its strokes would overlap).
 */
export function isDot(box: InkBox): boolean {
  return Math.max(box.width, box.height) <= 1.5 * box.penFraction;
}
