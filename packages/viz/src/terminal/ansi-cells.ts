import type { Rgb } from '../color/rgb.js';

const reset = '\u001b[0m';
const shades = [' ', '░', '▒', '▓', '█'];

/** Foreground colour escape (24-bit). */
export function foreground(color: Rgb): string {
  return `\u001b[38;2;${color[0]};${color[1]};${color[2]}m`;
}

/** Background colour escape (24-bit). */
export function background(color: Rgb): string {
  return `\u001b[48;2;${color[0]};${color[1]};${color[2]}m`;
}

/** Ends every colour. */
export const resetColor = reset;

/**
 * Draws a `width x height` grid in the terminal, two pixel rows per text line: with
 * colour, `▀` with the top pixel as foreground and the bottom one as background; without,
 * a shade character (` ░▒▓█`) for the pair's mean `ink` (0..1).
 *
 * @param colorAt - The colour of pixel (x, y), used with colour.
 * @param inkAt - How dark pixel (x, y) is, 0..1, used without colour.
 * @returns Lines joined by `\n`, no trailing newline.
 */
export function halfBlockLines(
  width: number,
  height: number,
  color: boolean,
  colorAt: (x: number, y: number) => Rgb,
  inkAt: (x: number, y: number) => number,
): string {
  const lines: string[] = [];
  for (let y = 0; y < height; y += 2) {
    const hasBottom = y + 1 < height;
    let line = '';
    let previous = '';
    for (let x = 0; x < width; x += 1) {
      if (color) {
        // Repeat no escape a cell shares with the one before it: a 28x28 map stays short.
        const escapes = hasBottom
          ? `${foreground(colorAt(x, y))}${background(colorAt(x, y + 1))}`
          : `${reset}${foreground(colorAt(x, y))}`;
        line += `${escapes === previous ? '' : escapes}▀`;
        previous = escapes;
      } else {
        const ink = hasBottom ? (inkAt(x, y) + inkAt(x, y + 1)) / 2 : inkAt(x, y);
        line += shades[Math.round(Math.min(1, Math.max(0, ink)) * (shades.length - 1))] ?? ' ';
      }
    }
    lines.push(color ? `${line}${reset}` : line);
  }
  return lines.join('\n');
}
