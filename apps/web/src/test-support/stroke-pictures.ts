import type { Picture } from '@lenet/data';
import type { PenStroke } from '../draw/ink-box.js';

/** The side of the pad's sample canvas, which the page prepares: 112x112 pixels. */
const sampleSize = 112;

const paper = 255;
const ink = 17;

function distanceToSegment(
  x: number,
  y: number,
  [ax, ay]: readonly [number, number],
  [bx, by]: readonly [number, number],
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const along =
    length === 0 ? 0 : Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / length));
  return Math.hypot(x - (ax + along * dx), y - (ay + along * dy));
}

/**
 * Strokes rasterised as the pad draws them in its sample canvas, in Node (no canvas): dark ink
 * (#111) on white paper, round caps and joins, antialiased edges, 112x112 gray pixels.
 *
 * @param strokes - Points in the unit square with their pens, as the pad records them.
 */
export function strokePicture(strokes: readonly PenStroke[]): Picture {
  const size = sampleSize;
  const pixels = new Uint8Array(size * size).fill(paper);
  const segments = strokes.flatMap(({ points: unitPoints, penFraction }) => {
    const radius = (penFraction * size) / 2;
    const points = unitPoints.map(([x, y]) => [x * size, y * size] as const);
    return points.length === 1
      ? [[points[0]!, points[0]!, radius] as const]
      : points.slice(1).map((point, index) => [points[index]!, point, radius] as const);
  });
  for (let row = 0; row < size; row += 1)
    for (let column = 0; column < size; column += 1) {
      let coverage = 0;
      for (const [from, to, radius] of segments) {
        const distance = distanceToSegment(column + 0.5, row + 0.5, from, to);
        coverage = Math.max(coverage, Math.min(1, Math.max(0, radius + 0.5 - distance)));
      }
      pixels[row * size + column] = Math.round(paper - coverage * (paper - ink));
    }
  return { pixels, width: size, height: size, channels: 1 };
}
