import type { OutputKind } from '@lenet/core';
import type { InkBox } from '../draw/ink-box.js';
import type { Verdict } from './verdict.js';

/** The answer in words: the big line and the line under it. */
export interface VerdictWords {
  /** The class name, or `not a digit` (`not` and what the pad asks for). */
  readonly answer: string;
  /** How sure, or why none. */
  readonly detail: string;
}

/** A drawing smaller than this share of the pad each way gets the hint to draw bigger. */
const smallDrawing = 0.4;

/**
 * Puts a {@link Verdict} in words.
 *
 * @param verdict - What the page made of the scores.
 * @param scores - The scores it was made of (negated RBF distances or logits).
 * @param probabilities - Their softmax.
 * @param output - Which of the two `scores` are.
 * @param classNames - A name per class.
 * @param thing - What the pad asks for (`a digit`, from `whatToDraw`).
 * @param box - The box around the drawing's ink, for the hint to draw bigger.
 * @example
 * ```ts
 * describeVerdict({ kind: 'dot', label: 0 }, scores, probabilities, 'rbf', DIGITS, 'a digit');
 * // { answer: 'not a digit', detail: 'a dot: draw the whole digit, big' }
 * ```
 */
export function describeVerdict(
  verdict: Verdict,
  scores: readonly number[],
  probabilities: readonly number[],
  output: OutputKind,
  classNames: readonly string[],
  thing: string,
  box?: InkBox,
): VerdictWords {
  const nameOf = (label: number) => classNames[label] ?? String(label);
  const best = nameOf(verdict.label);
  const thingName = thing.replace(/^an? /, '');
  if (verdict.kind === 'dot')
    return { answer: `not ${thing}`, detail: `a dot: draw the whole ${thingName}, big` };
  if (verdict.kind === 'unsure') {
    const { value, threshold } = verdict;
    const reason =
      threshold.statistic === 'distance'
        ? `even the nearest code, ${best}'s, is at distance ${value.toFixed(1)} (more than ${threshold.value})`
        : `even the top logit, ${best}'s, is ${value.toFixed(2)} (under ${threshold.value})`;
    const small = box !== undefined && Math.max(box.width, box.height) < smallDrawing;
    return {
      answer: `not ${thing}`,
      detail: small ? `${reason}. Draw bigger: fill most of the pad.` : reason,
    };
  }
  const second = scores.reduce(
    (found, score, index) =>
      index !== verdict.label && score > (scores[found] ?? -Infinity) ? index : found,
    verdict.label === 0 ? 1 : 0,
  );
  const top = scores[verdict.label] ?? 0;
  if (output === 'rbf')
    return {
      answer: best,
      detail: `nearest code at distance ${(-top).toFixed(1)}; the next, ${nameOf(second)}'s, at ${(-(scores[second] ?? 0)).toFixed(1)}, a lead of ${verdict.margin.toFixed(1)}`,
    };
  return {
    answer: best,
    detail: `${((probabilities[verdict.label] ?? 0) * 100).toFixed(1)}%; logit ${top.toFixed(2)}, ${verdict.margin.toFixed(2)} above ${nameOf(second)}'s`,
  };
}
