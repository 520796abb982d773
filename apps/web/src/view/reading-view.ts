import { PAPER_BACKGROUND, PAPER_INK } from '@lenet/data';
import type { ModelKind } from '@lenet/models';
import type { TrainedOn } from '../datasets/trained-on.js';
import type { InkBox } from '../draw/ink-box.js';
import { whatToDraw } from '../draw/what-to-draw.js';
import { describeVerdict } from '../predict/describe-verdict.js';
import type { Prediction } from '../predict/live-predictor.js';
import type { Verdict } from '../predict/verdict.js';
import { drawGray } from './figure-canvas.js';
import { showActivations } from './inspector.js';
import { renderScoreBars } from './score-bars.js';

/** Where the page shows what the model made of the drawing. */
export interface ReadingElements {
  /** The answer: a class name, `not a digit`, or the ask to draw. */
  readonly answer: HTMLOutputElement;
  /** How sure, or why no class. */
  readonly detail: HTMLElement;
  /** The time from the end of the stroke to all of it. */
  readonly latency: HTMLElement;
  /** The bars. */
  readonly scores: HTMLOListElement;
  /** "What the network sees": hidden while there is nothing to see. */
  readonly seen: HTMLElement;
  /** The drawing prepared as a 28x28 image of the data set. */
  readonly seen28: HTMLCanvasElement;
  /** The input the network reads (32x32 for LeNet-5). */
  readonly seenInput: HTMLCanvasElement;
  /** Every layer's activations. */
  readonly activations: HTMLCanvasElement;
}

/** One reading of the drawing: the prepared image, the model's answer and what the page made of it. */
export interface PadReading {
  /** The drawing prepared as the model's data set was made, 28x28 bytes. */
  readonly image: Uint8Array;
  /** The model's scores and every layer. */
  readonly prediction: Prediction;
  /** What the page made of the scores. */
  readonly verdict: Verdict;
  /** How the model reads (its output kind). */
  readonly recipe: ModelKind;
  /** Its class names and what to ask for. */
  readonly trainedOn: TrainedOn;
  /** The box around the drawing's ink. */
  readonly box: InkBox | undefined;
}

/** Shows a reading everywhere at once: the answer, the bars, what the network sees, every layer, and how long it took. */
export function showReading(
  elements: ReadingElements,
  reading: PadReading,
  milliseconds: number,
): void {
  const { prediction, verdict, recipe, trainedOn } = reading;
  drawGray(elements.seen28, reading.image, 28, 0, 255);
  const input = prediction.layers[0];
  if (input !== undefined)
    drawGray(elements.seenInput, input.values, input.shape[0] ?? 28, PAPER_BACKGROUND, PAPER_INK);
  elements.seen.hidden = false;
  renderScoreBars(elements.scores, {
    scores: prediction.scores,
    probabilities: prediction.probabilities,
    verdict,
    output: recipe.output,
    classNames: trainedOn.classNames,
  });
  showActivations(elements.activations, prediction, recipe, trainedOn.classNames);
  const words = describeVerdict(
    verdict,
    prediction.scores,
    prediction.probabilities,
    recipe.output,
    trainedOn.classNames,
    whatToDraw(trainedOn.name),
    reading.box,
  );
  elements.answer.textContent = words.answer;
  elements.answer.dataset.verdict = verdict.kind;
  if (verdict.kind === 'class') elements.answer.dataset.label = String(verdict.label);
  else delete elements.answer.dataset.label;
  elements.detail.textContent = words.detail;
  elements.latency.textContent = `${milliseconds.toFixed(1)} ms from the stroke to this answer and the activations`;
  elements.latency.dataset.milliseconds = milliseconds.toFixed(2);
}

/** Empties every result, for an empty pad: the answer becomes the ask to draw. */
export function clearReading(elements: ReadingElements, trainedOn: TrainedOn): void {
  elements.answer.textContent = `draw ${whatToDraw(trainedOn.name)}`;
  elements.answer.dataset.verdict = 'empty';
  delete elements.answer.dataset.label;
  elements.detail.textContent = '';
  elements.latency.textContent = '';
  delete elements.latency.dataset.milliseconds;
  elements.scores.replaceChildren();
  elements.seen.hidden = true;
  elements.activations.hidden = true;
}
