import { describe, expect, it } from 'vitest';
import {
  bitmapToCode,
  DIGIT_BITMAP_HEIGHT,
  DIGIT_BITMAP_WIDTH,
  DIGIT_BITMAPS,
  DIGIT_CODES,
  formatCode,
} from './digit-codes.js';

const hamming = (left: readonly number[], right: readonly number[]): number =>
  left.filter((value, index) => value !== right[index]).length;

describe('DIGIT_BITMAPS (data to verify)', () => {
  it('holds ten bitmaps of 12 rows by 7 columns of # and .', () => {
    expect(DIGIT_BITMAPS).toHaveLength(10);
    for (const bitmap of DIGIT_BITMAPS) {
      expect(bitmap).toHaveLength(DIGIT_BITMAP_HEIGHT);
      for (const row of bitmap) expect(row).toMatch(/^[#.]{7}$/);
    }
    expect(DIGIT_BITMAP_WIDTH * DIGIT_BITMAP_HEIGHT).toBe(84);
  });

  it('leaves the two bottom rows blank except for the tail of the 4', () => {
    DIGIT_BITMAPS.forEach((bitmap, digit) => {
      const bottom = bitmap.slice(10).join('');
      expect(bottom === '.'.repeat(14)).toBe(digit !== 4);
    });
  });

  it('draws the 1 as a vertical bar in columns 3-4 with a base row', () => {
    const one = DIGIT_BITMAPS[1]!;
    for (const row of one.slice(3, 9)) expect(row).toBe('...##..');
    expect(one[9]).toBe('.######');
  });

  it('draws the 0 left-right symmetric and the 8 with a closed middle bar', () => {
    for (const row of DIGIT_BITMAPS[0]!)
      expect(Array.from({ length: 7 }, (_, column) => row.charAt(6 - column)).join('')).toBe(row);
    expect(DIGIT_BITMAPS[8]![4]).toBe('.#####.');
  });

  it('inks the first row of every digit, and every column in all digits but the 1', () => {
    DIGIT_BITMAPS.forEach((bitmap, digit) => {
      expect(bitmap[0]).toContain('#');
      const inkedColumns = [0, 1, 2, 3, 4, 5, 6].filter((column) =>
        bitmap.some((row) => row[column] === '#'),
      );
      expect(inkedColumns.length).toBe(digit === 1 ? 6 : 7);
    });
  });
});

describe('DIGIT_CODES', () => {
  it('are ten vectors of 84 values in {-1, +1}', () => {
    expect(DIGIT_CODES).toHaveLength(10);
    for (const code of DIGIT_CODES) {
      expect(code).toHaveLength(84);
      expect(code.every((value) => value === 1 || value === -1)).toBe(true);
    }
  });

  it('are pairwise distinct with a Hamming distance of at least 12 (48 in squared distance)', () => {
    let smallest = Number.POSITIVE_INFINITY;
    DIGIT_CODES.forEach((left, i) => {
      DIGIT_CODES.slice(i + 1).forEach((right) => {
        smallest = Math.min(smallest, hamming(left, right));
      });
    });
    expect(smallest).toBe(12);
  });

  it('round-trip through formatCode back to the bitmaps', () => {
    DIGIT_CODES.forEach((code, digit) => {
      expect(formatCode(code).split('\n')).toEqual(DIGIT_BITMAPS[digit]);
    });
  });

  it('rejects bitmaps with other characters or ragged rows', () => {
    expect(() => bitmapToCode(['#x#'])).toThrow(/# and \./);
    expect(() => bitmapToCode(['##', '#'])).toThrow(/equal-length/);
  });
});
