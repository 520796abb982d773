import type { OutputKind } from '@lenet/core';
import type { Verdict } from '../predict/verdict.js';

/**
 * The RBF distance that shows no bar. LeNet-5's output is the squared distance of F6's 84
 * units to each class's code of +-1s: a drawing near its digit's code lies within about 6 of
 * it and some 100-200 from the others' (they differ in about a third of the bits).
 */
export const RBF_BAR_SCALE = 300;

/**
 * How near a distance is, 1 (on the code) to 0 ({@link RBF_BAR_SCALE} or more), on a log scale:
 * 6 fills 66%, the shipped model's "not a digit" threshold of 15 about half, 150 an eighth.
 */
export function rbfNearness(distance: number): number {
  return Math.max(0, 1 - Math.log1p(Math.max(0, distance)) / Math.log1p(RBF_BAR_SCALE));
}

/** What {@link renderScoreBars} shows. */
export interface ScoreBarsInput {
  /** Per class, higher is better: negated RBF distances or logits. */
  readonly scores: readonly number[];
  /** Per class, the softmax of the scores. */
  readonly probabilities: readonly number[];
  /** What the page made of them: the class it names is highlighted, or none when it names none. */
  readonly verdict: Verdict;
  /** Which of the two `scores` are. */
  readonly output: OutputKind;
  /** A name per class. */
  readonly classNames: readonly string[];
}

function bar(
  score: number,
  probability: number,
  output: OutputKind,
): { share: number; text: string; spoken: string } {
  if (output === 'rbf') {
    const distance = -score;
    return {
      share: rbfNearness(distance),
      text: `d ${distance.toFixed(1)}`,
      spoken: `distance ${distance.toFixed(1)}`,
    };
  }
  const percent = (probability * 100).toFixed(1);
  return {
    share: probability,
    text: `${percent}% z ${score.toFixed(2)}`,
    spoken: `${percent} percent`,
  };
}

/**
 * Shows a bar per class, named by `classNames`. For RBF outputs (the paper's LeNet-5) the bar
 * is how near the drawing is to the class's code ({@link rbfNearness}), with the distance `d`
 * beside it, so the winner's lead and a far-off nearest code both show: the softmax of the
 * distances (`e^-d`) would read 100.0% for any drawing, a dot too. For logits the bar is the
 * softmax probability, with the logit `z`.
 * Names are set as text, never parsed as HTML (a loaded model's metadata names them).
 */
export function renderScoreBars(list: HTMLElement, input: ScoreBarsInput): void {
  const { verdict } = input;
  const rows = input.scores.map((score, index) => {
    const name = input.classNames[index] ?? String(index);
    const shown = bar(score, input.probabilities[index] ?? 0, input.output);
    const item = document.createElement('li');
    const winner = index === verdict.label;
    item.className = winner
      ? verdict.kind === 'class'
        ? 'score predicted'
        : 'score nearest'
      : 'score';
    item.setAttribute('aria-label', `${name}: ${shown.spoken}`);
    const fill = document.createElement('span');
    fill.style.width = `${(shown.share * 100).toFixed(1)}%`;
    const track = span('bar');
    track.append(fill);
    item.append(span('name', name), track, span('value', shown.text));
    return item;
  });
  list.dataset.output = input.output;
  list.replaceChildren(...rows);
}

function span(className: string, text = ''): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}
