import { describe, expect, it } from 'vitest';
import { resampleArea } from './resample-area.js';

describe('resampleArea', () => {
  it('averages whole blocks when the ratio is an integer', () => {
    const source = [1, 3, 5, 7, 1, 3, 5, 7, 0, 0, 8, 8, 0, 0, 8, 8];
    expect(Array.from(resampleArea(source, 4, 4, 2, 2))).toEqual([2, 6, 0, 8]);
  });

  it('weights fractional pixels by their overlap', () => {
    const resized = resampleArea([0, 3, 6], 3, 1, 2, 1);
    expect(resized[0]).toBeCloseTo(1, 6);
    expect(resized[1]).toBeCloseTo(5, 6);
  });

  it('keeps the mean value when enlarging or shrinking', () => {
    const source = Array.from({ length: 35 }, (_, index) => (index * 17) % 23);
    const mean = (values: ArrayLike<number>) =>
      Array.from(values).reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(resampleArea(source, 7, 5, 3, 2))).toBeCloseTo(mean(source), 4);
    expect(mean(resampleArea(source, 7, 5, 14, 10))).toBeCloseTo(mean(source), 4);
  });
});
