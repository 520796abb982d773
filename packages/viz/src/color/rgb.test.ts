import { describe, expect, it } from 'vitest';
import { FigureInputError } from '../figure-input-error.js';
import { parseHexColor, rgbToHex } from './rgb.js';

describe('rgb colours', () => {
  it('parses #rrggbb in either case', () => {
    expect(parseHexColor('#FF8000')).toEqual([255, 128, 0]);
    expect(parseHexColor('#0a0b0c')).toEqual([10, 11, 12]);
  });

  it('formats with rounding and clamping', () => {
    expect(rgbToHex([255.4, -3, 15.6])).toBe('#ff0010');
  });

  it('rejects colour names and short forms with a FigureInputError that says what to write', () => {
    expect(() => parseHexColor('red')).toThrow(FigureInputError);
    expect(() => parseHexColor('#fff')).toThrow(/#rrggbb/);
  });
});
