import type { OutputKind } from '@lenet/core';
import { isDot, type InkBox } from '../draw/ink-box.js';

/**
 * How sure a model must be for the page to name a class. `distance`: the nearest RBF code
 * must lie within `value` (LeNet-5's output is the squared distance of F6 to each digit's code,
 * small is good); `logit`: the largest logit must reach `value`.
 */
export interface ReadingThreshold {
  readonly statistic: 'distance' | 'logit';
  readonly value: number;
}

/**
 * The "not a digit" thresholds of the shipped weights, by model name: each lets through all
 * but the 2% least digit-like of MNIST's 10,000 test digits (the 2% quantile of the statistic,
 * rounded), measured by `pnpm --filter @lenet/web bench:not-a-digit`, where the rates on the
 * test digits and on generated non-digits are printed. Other weights (trained in the page,
 * loaded) have none: the distances and logits of a model depend on its training.
 */
export const NOT_A_DIGIT_THRESHOLDS: Readonly<Record<string, ReadingThreshold>> = {
  lenet5: { statistic: 'distance', value: 15 },
  'lenet5-modern': { statistic: 'logit', value: 3.8 },
  lenet1: { statistic: 'logit', value: 6.1 },
};

/** What the page makes of a reading. */
export type Verdict =
  /** A class, with the winner's lead: the next-nearest code's distance minus the nearest's, or the top logit minus the second. */
  | { readonly kind: 'class'; readonly label: number; readonly margin: number }
  /** The drawing is a dot (see `isDot`), whatever the network says. */
  | { readonly kind: 'dot'; readonly label: number }
  /** The network is less sure than `threshold`: `value` is the nearest distance or the top logit. */
  | {
      readonly kind: 'unsure';
      readonly label: number;
      readonly value: number;
      readonly threshold: ReadingThreshold;
    };

/**
 * Reads a model's scores for one drawing: its class, or that it is not one (a dot, or a
 * reading less sure than `threshold`).
 *
 * @param scores - Per class, higher is better: negated RBF distances or logits (`readOut`'s `scores`).
 * @param output - Which of the two `scores` come from.
 * @param threshold - The model's {@link ReadingThreshold}; without one, only a dot is refused.
 * @param box - The box around the drawing's ink; without one nothing is taken for a dot.
 * @example
 * ```ts
 * verdictOf([-14.2, -20.1, ...], 'rbf', NOT_A_DIGIT_THRESHOLDS.lenet5);
 * // { kind: 'unsure', label: 0, value: 14.2, ... } when 14.2 is above the threshold
 * ```
 */
export function verdictOf(
  scores: readonly number[],
  output: OutputKind,
  threshold?: ReadingThreshold,
  box?: InkBox,
): Verdict {
  const ranked = [...scores].sort((first, second) => second - first);
  const [best = 0, next = best] = ranked;
  const label = scores.indexOf(best);
  if (box !== undefined && isDot(box)) return { kind: 'dot', label };
  if (threshold !== undefined) {
    const value = output === 'rbf' ? -best : best;
    const sure =
      threshold.statistic === 'distance' ? value <= threshold.value : value >= threshold.value;
    if (!sure) return { kind: 'unsure', label, value, threshold };
  }
  return { kind: 'class', label, margin: best - next };
}
