import { FigureInputError } from '../figure-input-error.js';

/** A colour as `[red, green, blue]`, each 0..255. */
export type Rgb = readonly [number, number, number];

/**
 * Parses a `#rrggbb` colour.
 *
 * @throws {FigureInputError} When `color` is not of the form `#rrggbb`.
 */
export function parseHexColor(color: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) {
    throw new FigureInputError({
      field: 'color',
      expected: 'a colour written #rrggbb',
      actual: JSON.stringify(color),
    });
  }
  return [
    Number.parseInt(match[1] ?? '', 16),
    Number.parseInt(match[2] ?? '', 16),
    Number.parseInt(match[3] ?? '', 16),
  ];
}

/** Formats a colour as `#rrggbb`, rounding and clamping each channel to 0..255. */
export function rgbToHex(color: Rgb): string {
  return `#${color
    .map((channel) =>
      Math.round(Math.min(255, Math.max(0, channel)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
