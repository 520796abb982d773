import type { Stroke } from '../draw/digit-strokes.js';
import type { PenStroke } from '../draw/ink-box.js';
import { PEN_SIZES } from '../draw/pen-sizes.js';
import { seededRandom } from './seeded-random.js';

/** What a generated non-digit drawing is. */
export type NonDigitKind = 'dot' | 'dots' | 'dash' | 'flat line' | 'scribble' | 'specks';

/** The kinds {@link nonDigitDrawings} makes, in the order it makes them. */
export const NON_DIGIT_KINDS: readonly NonDigitKind[] = [
  'dot',
  'dots',
  'dash',
  'flat line',
  'scribble',
  'specks',
];

/** One drawing that is no digit, as the pad's strokes. */
export interface NonDigitDrawing {
  readonly kind: NonDigitKind;
  readonly strokes: readonly PenStroke[];
}

function linesOf(kind: NonDigitKind, random: () => number): Stroke[] {
  const between = (low: number, high: number) => low + random() * (high - low);
  const point = (margin: number) =>
    [between(margin, 1 - margin), between(margin, 1 - margin)] as const;
  // Within 30 degrees of flat: a steeper line is a fair "1".
  const flatLine = (length: number, [x, y]: readonly [number, number]): Stroke => {
    const angle = between(-30, 30) * (Math.PI / 180);
    const [dx, dy] = [(length / 2) * Math.cos(angle), (length / 2) * Math.sin(angle)];
    return [
      [x - dx, y - dy],
      [x + dx, y + dy],
    ];
  };
  switch (kind) {
    case 'dot':
      return [[point(0.15)]];
    case 'dots':
      return Array.from({ length: 2 + Math.floor(random() * 3) }, () => [point(0.1)]);
    case 'specks':
      return Array.from({ length: 5 + Math.floor(random() * 6) }, () => [point(0.05)]);
    case 'dash':
      return [flatLine(between(0.05, 0.2), point(0.25))];
    case 'flat line':
      return [flatLine(between(0.3, 0.8), [0.5, between(0.2, 0.8)])];
    case 'scribble': {
      const side = between(0.3, 0.7);
      const [left, top] = [between(0.1, 0.9 - side), between(0.1, 0.9 - side)];
      return [
        Array.from(
          { length: 12 + Math.floor(random() * 14) },
          () => [left + random() * side, top + random() * side] as const,
        ),
      ];
    }
  }
}

/**
 * Drawings that are no digit, seeded: `perKind` of each of {@link NON_DIGIT_KINDS} (a dot, a
 * few dots, a short dash and a long line within 30 degrees of flat, a scribble, a few specks),
 * drawn with each pen of `PEN_SIZES` in turn. What the page's "not a digit" reading is
 * calibrated against.
 *
 * @param perKind - Drawings of each kind.
 * @param seed - The seed of their positions and sizes. Default 1.
 */
export function nonDigitDrawings(perKind: number, seed = 1): NonDigitDrawing[] {
  const random = seededRandom(seed);
  return NON_DIGIT_KINDS.flatMap((kind) =>
    Array.from({ length: perKind }, (_, index) => {
      const penFraction = PEN_SIZES[index % PEN_SIZES.length]?.fraction ?? 1 / 12;
      return {
        kind,
        strokes: linesOf(kind, random).map((points) => ({ points, penFraction })),
      };
    }),
  );
}
