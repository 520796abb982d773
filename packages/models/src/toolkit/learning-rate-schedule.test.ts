import { describe, expect, it } from 'vitest';
import { learningRateAt } from './learning-rate-schedule.js';

describe('learningRateAt', () => {
  it('decays a cosine from the initial rate to 2% of it, halfway at the middle', () => {
    expect(learningRateAt('cosine', 0.002, 0)).toBeCloseTo(0.002, 12);
    expect(learningRateAt('cosine', 0.002, 0.5)).toBeCloseTo(0.5 * (0.002 + 0.00004), 12);
    expect(learningRateAt('cosine', 0.002, 1)).toBeCloseTo(0.00004, 12);
    expect(learningRateAt('cosine', 0.002, 2)).toBeCloseTo(0.00004, 12);
  });

  it('halves a step schedule at 50% and again at 75%, and keeps a constant one', () => {
    expect(
      [0, 0.49, 0.5, 0.74, 0.75, 1].map((progress) => learningRateAt('step', 1, progress)),
    ).toEqual([1, 1, 0.5, 0.5, 0.25, 0.25]);
    expect(learningRateAt('constant', 0.3, 0.9)).toBe(0.3);
  });
});
