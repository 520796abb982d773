import { parseHexColor, rgbToHex } from './rgb.js';
import type { Rgb } from './rgb.js';

/**
 * The colour maps figures use.
 * - `greys`: white (0) to black (1), ink on paper, as the paper prints digits and maps.
 * - `viridis`: perceptually uniform dark blue to yellow, for activations and counts.
 * - `diverging`: blue (0) through white (0.5) to red (1), for signed weights; pair it with
 *   a symmetric domain so zero is white.
 * - `blues`: white to dark blue, for counts on a light page.
 */
export type ColorMapName = 'greys' | 'viridis' | 'diverging' | 'blues';

// Viridis: matplotlib's map (van der Walt & Smith), sampled at 11 even steps.
// Diverging: ColorBrewer RdBu (Brewer), reversed so negative is blue. Blues: ColorBrewer Blues.
const stops: Record<ColorMapName, readonly Rgb[]> = {
  greys: ['#ffffff', '#000000'].map(parseHexColor),
  viridis: [
    '#440154',
    '#482475',
    '#414487',
    '#355f8d',
    '#2a788e',
    '#21918c',
    '#22a884',
    '#44bf70',
    '#7ad151',
    '#bddf26',
    '#fde725',
  ].map(parseHexColor),
  diverging: [
    '#053061',
    '#2166ac',
    '#4393c3',
    '#92c5de',
    '#d1e5f0',
    '#f7f7f7',
    '#fddbc7',
    '#f4a582',
    '#d6604d',
    '#b2182b',
    '#67001f',
  ].map(parseHexColor),
  blues: [
    '#f7fbff',
    '#deebf7',
    '#c6dbef',
    '#9ecae1',
    '#6baed6',
    '#4292c6',
    '#2171b5',
    '#08519c',
    '#08306b',
  ].map(parseHexColor),
};

/**
 * The colour of `position` (0..1, clamped; NaN reads as 0) on a colour map, interpolated
 * linearly between the map's stops.
 */
export function colorMapRgb(name: ColorMapName, position: number): Rgb {
  const palette = stops[name];
  const clamped = Number.isNaN(position) ? 0 : Math.min(1, Math.max(0, position));
  const scaled = clamped * (palette.length - 1);
  const lower = Math.min(Math.floor(scaled), palette.length - 2);
  const fraction = scaled - lower;
  const from = palette[lower] ?? [0, 0, 0];
  const to = palette[lower + 1] ?? from;
  const mix = (start: number, end: number): number => Math.round(start + (end - start) * fraction);
  return [mix(from[0], to[0]), mix(from[1], to[1]), mix(from[2], to[2])];
}

/** {@link colorMapRgb} as `#rrggbb`. */
export function colorMapHex(name: ColorMapName, position: number): string {
  return rgbToHex(colorMapRgb(name, position));
}

/** A value range `[low, high]` mapped onto a colour map's 0..1. */
export type Domain = readonly [number, number];

/** The smallest and largest finite value of `values` (`[0, 1]` when there are none). */
export function valueDomain(values: ArrayLike<number>): Domain {
  let low = Infinity;
  let high = -Infinity;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] ?? Number.NaN;
    if (Number.isFinite(value)) {
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  }
  return low <= high ? [low, high] : [0, 1];
}

/** `[-m, m]` with `m` the largest absolute finite value, so zero falls on the middle. */
export function symmetricDomain(values: ArrayLike<number>): Domain {
  const [low, high] = valueDomain(values);
  const magnitude = Math.max(Math.abs(low), Math.abs(high)) || 1;
  return [-magnitude, magnitude];
}

/**
 * Colours every value through a colour map: `domain[0]` maps to the map's start,
 * `domain[1]` to its end. A flat domain maps everything to the start.
 *
 * @returns RGB triplets, `values.length * 3` bytes, as an image shape takes them.
 */
export function colorizeValues(
  values: ArrayLike<number>,
  domain: Domain,
  colorMap: ColorMapName,
): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(values.length * 3);
  const span = domain[1] - domain[0];
  for (let index = 0; index < values.length; index += 1) {
    const position = span === 0 ? 0 : ((values[index] ?? domain[0]) - domain[0]) / span;
    pixels.set(colorMapRgb(colorMap, position), index * 3);
  }
  return pixels;
}
