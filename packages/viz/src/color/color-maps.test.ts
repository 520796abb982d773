import { describe, expect, it } from 'vitest';
import {
  colorMapHex,
  colorMapRgb,
  colorizeValues,
  symmetricDomain,
  valueDomain,
} from './color-maps.js';

describe('colour maps', () => {
  it('runs greys from white at 0 to black at 1', () => {
    expect(colorMapHex('greys', 0)).toBe('#ffffff');
    expect(colorMapHex('greys', 1)).toBe('#000000');
    expect(colorMapRgb('greys', 0.5)).toEqual([128, 128, 128]);
  });

  it("runs viridis from matplotlib's dark purple to its yellow", () => {
    expect(colorMapHex('viridis', 0)).toBe('#440154');
    expect(colorMapHex('viridis', 0.5)).toBe('#21918c');
    expect(colorMapHex('viridis', 1)).toBe('#fde725');
  });

  it('makes viridis lighter at every step, as a perceptual map must', () => {
    const lightness = Array.from({ length: 21 }, (_, step) => {
      const [red, green, blue] = colorMapRgb('viridis', step / 20);
      return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
    });
    lightness.slice(1).forEach((value, index) => {
      expect(value).toBeGreaterThan(lightness[index] ?? Infinity);
    });
  });

  it('puts blue below, near-white at and red above the middle of the diverging map', () => {
    const [lowRed, , lowBlue] = colorMapRgb('diverging', 0.1);
    const [highRed, , highBlue] = colorMapRgb('diverging', 0.9);
    expect(lowBlue).toBeGreaterThan(lowRed);
    expect(highRed).toBeGreaterThan(highBlue);
    expect(colorMapHex('diverging', 0.5)).toBe('#f7f7f7');
  });

  it('clamps positions outside 0..1 and reads NaN as 0', () => {
    expect(colorMapHex('greys', -3)).toBe('#ffffff');
    expect(colorMapHex('greys', 7)).toBe('#000000');
    expect(colorMapHex('greys', Number.NaN)).toBe('#ffffff');
  });
});

describe('colorizeValues', () => {
  it('maps the domain ends onto the map ends, three bytes per value', () => {
    expect(Array.from(colorizeValues([0, 255, 127.5], [0, 255], 'greys'))).toEqual([
      255, 255, 255, 0, 0, 0, 128, 128, 128,
    ]);
  });

  it('maps a flat domain to the start of the map instead of dividing by zero', () => {
    expect(Array.from(colorizeValues([3, 3], [3, 3], 'greys'))).toEqual([
      255, 255, 255, 255, 255, 255,
    ]);
  });
});

describe('domains', () => {
  it('finds the finite range of the values', () => {
    expect(valueDomain([2, -1, Number.NaN, 5, Infinity])).toEqual([-1, 5]);
    expect(valueDomain([])).toEqual([0, 1]);
  });

  it('centres a symmetric domain on zero', () => {
    expect(symmetricDomain([-0.2, 0.5])).toEqual([-0.5, 0.5]);
    expect(symmetricDomain([0, 0])).toEqual([-1, 1]);
  });
});
