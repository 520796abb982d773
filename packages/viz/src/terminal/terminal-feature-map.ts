import { colorMapRgb, valueDomain } from '../color/color-maps.js';
import type { ColorMapName, Domain } from '../color/color-maps.js';
import { checkCount, checkLength } from '../figures/check-input.js';
import { halfBlockLines } from './ansi-cells.js';

/** Options of {@link terminalFeatureMap} and {@link terminalDigit}. */
export interface TerminalImageOptions {
  /** Use 24-bit ANSI colours; otherwise shade characters only. Default true. */
  readonly color?: boolean;
  /** The values drawn at the two ends of the colour map. Default: the map's own range. */
  readonly domain?: Domain;
  /** Default `viridis` for feature maps, `greys` for digits. */
  readonly colorMap?: ColorMapName;
}

/**
 * A feature map as terminal text, two pixels per character (`▀` in 24-bit colour, or
 * ` ░▒▓█` shades without colour): a 28x28 map takes 28 columns and 14 lines.
 *
 * @param values - Row-major, `width * height` values.
 * @throws {FigureInputError} When `values` does not hold `width * height` values.
 * @example
 * ```ts
 * console.log(terminalFeatureMap(c1Map, 28, 28, { color: !process.env.NO_COLOR }));
 * ```
 */
export function terminalFeatureMap(
  values: ArrayLike<number>,
  width: number,
  height: number,
  options: TerminalImageOptions = {},
): string {
  checkCount('width', width, 1);
  checkCount('height', height, 1);
  checkLength('values', values, width * height, `${width}x${height}`);
  const [low, high] = options.domain ?? valueDomain(values);
  const position = (x: number, y: number): number =>
    high === low ? 0 : ((values[y * width + x] ?? low) - low) / (high - low);
  const colorMap = options.colorMap ?? 'viridis';
  return halfBlockLines(
    width,
    height,
    options.color ?? true,
    (x, y) => colorMapRgb(colorMap, position(x, y)),
    position,
  );
}

/**
 * A digit as terminal text, ink dark on light in colour and dense shades without colour.
 * Same layout as {@link terminalFeatureMap}; MNIST bytes use the default domain `[0, 255]`.
 *
 * @example
 * ```ts
 * console.log(terminalDigit(image, 28, 28, { color: false }));
 * ```
 */
export function terminalDigit(
  image: ArrayLike<number>,
  width: number,
  height: number,
  options: TerminalImageOptions = {},
): string {
  return terminalFeatureMap(image, width, height, {
    colorMap: 'greys',
    domain: [0, 255],
    ...options,
  });
}
