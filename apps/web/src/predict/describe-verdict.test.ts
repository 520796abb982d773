import { describe, expect, it } from 'vitest';
import { describeVerdict } from './describe-verdict.js';

const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const scores = [-14, -3, -9, -20, -30, -25, -18, -7.5, -11, -16];
const probabilities = scores.map(() => 0.1);

describe('describeVerdict', () => {
  it("names the paper model's class with the nearest distance and the next-nearest", () => {
    expect(
      describeVerdict(
        { kind: 'class', label: 1, margin: 4.5 },
        scores,
        probabilities,
        'rbf',
        digits,
        'a digit',
      ),
    ).toEqual({
      answer: '1',
      detail: "nearest code at distance 3.0; the next, 7's, at 7.5, a lead of 4.5",
    });
  });

  it('names a softmax class with its probability and its logit lead', () => {
    const logits = [0.1, 5, 2, 0, 0, 0, 0, 0, 0, 1];
    const softmax = logits.map((_, index) => (index === 1 ? 0.93 : 0.01));
    expect(
      describeVerdict(
        { kind: 'class', label: 1, margin: 3 },
        logits,
        softmax,
        'logits',
        digits,
        'a digit',
      ),
    ).toEqual({ answer: '1', detail: "93.0%; logit 5.00, 3.00 above 2's" });
  });

  it('says a dot is not a digit, and a piece of clothing for Fashion-MNIST', () => {
    const dot = { kind: 'dot', label: 0 } as const;
    expect(describeVerdict(dot, scores, probabilities, 'rbf', digits, 'a digit')).toEqual({
      answer: 'not a digit',
      detail: 'a dot: draw the whole digit, big',
    });
    expect(
      describeVerdict(dot, scores, probabilities, 'logits', digits, 'a piece of clothing').answer,
    ).toBe('not a piece of clothing');
  });

  it('says why an unsure reading is not a digit, and to draw bigger when the drawing is small', () => {
    const unsure = {
      kind: 'unsure',
      label: 1,
      value: 16,
      threshold: { statistic: 'distance', value: 15 },
    } as const;
    const words = describeVerdict(unsure, scores, probabilities, 'rbf', digits, 'a digit', {
      width: 0.2,
      height: 0.3,
      penFraction: 1 / 12,
    });
    expect(words).toEqual({
      answer: 'not a digit',
      detail:
        "even the nearest code, 1's, is at distance 16.0 (more than 15). Draw bigger: fill most of the pad.",
    });
  });
});
