import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict.js';

const distances = [14, 3, 9, 20, 30, 25, 18, 7.5, 11, 16];
const rbfScores = distances.map((distance) => -distance);

describe('verdictOf', () => {
  it("names the nearest RBF code's class with its lead over the next-nearest", () => {
    expect(verdictOf(rbfScores, 'rbf', { statistic: 'distance', value: 15 })).toEqual({
      kind: 'class',
      label: 1,
      margin: 4.5,
    });
  });

  it('is unsure when even the nearest code is farther than the threshold', () => {
    const far = distances.map((distance) => -(distance + 13));
    expect(verdictOf(far, 'rbf', { statistic: 'distance', value: 15 })).toMatchObject({
      kind: 'unsure',
      label: 1,
      value: 16,
    });
  });

  it('is unsure when the top logit falls short of the threshold, and names the class above it', () => {
    const logits = [0.5, 3.1, -2, 1, 0, 0, 0, 0, 0, 2.9];
    const threshold = { statistic: 'logit', value: 3.8 } as const;
    expect(verdictOf(logits, 'logits', threshold)).toMatchObject({ kind: 'unsure', value: 3.1 });
    expect(verdictOf(logits, 'logits', { ...threshold, value: 3 })).toEqual({
      kind: 'class',
      label: 1,
      margin: expect.closeTo(0.2, 6) as number,
    });
  });

  it('takes a drawing whose ink fits in one and a half pen widths for a dot, whatever the scores', () => {
    const dot = { width: 0.1, height: 0.09, penFraction: 1 / 12 };
    expect(verdictOf(rbfScores, 'rbf', undefined, dot)).toEqual({ kind: 'dot', label: 1 });
    const dash = { width: 0.2, height: 0.09, penFraction: 1 / 12 };
    expect(verdictOf(rbfScores, 'rbf', undefined, dash).kind).toBe('class');
  });

  it('names the top class of a model without a threshold', () => {
    expect(verdictOf([-1, -0.5, -3], 'logits').kind).toBe('class');
  });
});
