import { describe, expect, it } from 'vitest';
import { rbfNearness } from './score-bars.js';

describe('rbfNearness', () => {
  it('fills the bar on the code, half at the threshold of 15, little at a wrong code, none far off', () => {
    expect(rbfNearness(0)).toBe(1);
    expect(rbfNearness(15)).toBeCloseTo(0.51, 2);
    expect(rbfNearness(150)).toBeLessThan(0.13);
    expect(rbfNearness(300)).toBe(0);
    expect(rbfNearness(600)).toBe(0);
  });

  it('keeps the order of the distances, so the winner has the longest bar', () => {
    const shares = [3, 6, 14, 107].map(rbfNearness);
    expect([...shares].sort((first, second) => second - first)).toEqual(shares);
  });
});
