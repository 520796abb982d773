import type * as tf from '@tensorflow/tfjs';
import { PAPER_BACKGROUND, PAPER_INK, preparePicture } from '@lenet/data';
import type { ModelKind } from '@lenet/models';
import { startBackend } from './backend/start-backend.js';
import { DIGIT_STROKES } from './draw/digit-strokes.js';
import { DrawPad } from './draw/draw-pad.js';
import { whatToDraw } from './draw/what-to-draw.js';
import { MNIST_TRAINED_ON, type TrainedOn } from './datasets/trained-on.js';
import { loadShippedModel } from './models/load-shipped-model.js';
import { findShippedModel, SHIPPED_MODELS } from './models/shipped-models.js';
import { errorMessage } from './error-message.js';
import { element } from './page-elements.js';
import { LivePredictor } from './predict/live-predictor.js';
import { setupTrainingPanel } from './training/training-panel.js';
import { drawGray } from './view/figure-canvas.js';
import { showActivations, showModelFigures, type InspectorElements } from './view/inspector.js';
import { renderScoreBars } from './view/score-bars.js';

const inspector: InspectorElements = {
  activations: element('activations', HTMLCanvasElement),
  kernels: element('kernels', HTMLCanvasElement),
  codes: element('codes', HTMLCanvasElement),
  codesPanel: element('codes-panel', HTMLElement),
  c3Table: element('c3-table', HTMLTableElement),
  c3Panel: element('c3-panel', HTMLElement),
};
const modelSelect = element('model-select', HTMLSelectElement);
const prediction = element('prediction', HTMLOutputElement);
const latency = element('latency', HTMLElement);
const shipped = new Map<string, Promise<tf.LayersModel>>();
let predictor: LivePredictor | undefined;
let trainedOn: TrainedOn = MNIST_TRAINED_ON;

const pad = new DrawPad(element('pad', HTMLCanvasElement), {
  onDraw: () => {
    update(performance.now());
  },
  onChange: (eventTime) => {
    update(eventTime);
  },
});

/** Prepares the drawing as the model's data set was made, runs the model and redraws the prediction and activations. */
function update(eventTime: number): void {
  if (predictor === undefined) return;
  if (pad.isEmpty) {
    prediction.textContent = `draw ${whatToDraw(trainedOn.name)}`;
    delete prediction.dataset.label;
    return;
  }
  const picture = pad.picture();
  // The pad is dark ink on white paper, always.
  const image = preparePicture(
    { pixels: picture.data, width: picture.width, height: picture.height, channels: 4 },
    trainedOn.pictures,
    'dark-on-light',
  );
  drawGray(element('seen-28', HTMLCanvasElement), image, 28, 0, 255);
  const result = predictor.predict(image);
  const input = result.layers[0];
  if (input !== undefined)
    drawGray(
      element('seen-input', HTMLCanvasElement),
      input.values,
      input.shape[0] ?? 28,
      PAPER_BACKGROUND,
      PAPER_INK,
    );
  renderScoreBars(
    element('scores', HTMLOListElement),
    result.scores,
    result.probabilities,
    result.label,
    predictor.recipe.output,
    trainedOn.classNames,
  );
  showActivations(inspector, result, predictor.recipe, trainedOn.classNames);
  prediction.textContent = trainedOn.classNames[result.label] ?? String(result.label);
  prediction.dataset.label = String(result.label);
  const milliseconds = performance.now() - eventTime;
  latency.textContent = `${milliseconds.toFixed(1)} ms from the stroke to this answer and the activations`;
  latency.dataset.milliseconds = milliseconds.toFixed(2);
}

/**
 * Makes `model` the one the pad talks to, asks for a drawing of what it was trained on, and
 * redraws everything for it.
 *
 * @param model - The model.
 * @param recipe - How to feed it and read its output.
 * @param label - What the page calls it (`data-model` of the body: `lenet5`, `trained lenet1`, ...).
 * @param data - What it was trained on: its class names and how drawings are prepared. Default MNIST.
 */
export function useModel(
  model: tf.LayersModel,
  recipe: ModelKind,
  label: string,
  data: TrainedOn = MNIST_TRAINED_ON,
): void {
  predictor = new LivePredictor(model, recipe);
  trainedOn = data;
  const thing = whatToDraw(data.name);
  element('draw-title', HTMLElement).textContent = `Draw ${thing}`;
  element('pad', HTMLCanvasElement).setAttribute(
    'aria-label',
    `Drawing pad: draw ${thing} with the mouse, a finger or a pen`,
  );
  element('seen-28', HTMLCanvasElement).setAttribute(
    'aria-label',
    data.pictures === 'digit'
      ? 'the drawing after MNIST preprocessing, 28x28'
      : 'the whole drawing scaled into 28x28',
  );
  showModelFigures(inspector, model, recipe);
  document.body.dataset.model = label;
  document.body.dataset.dataset = data.name;
  update(performance.now());
}

async function selectShippedModel(name: string): Promise<void> {
  const recipe = findShippedModel(name);
  const loading = shipped.get(name) ?? loadShippedModel(recipe, document.baseURI);
  shipped.set(name, loading);
  useModel(await loading, recipe, name);
}

async function start(): Promise<void> {
  const backend = await startBackend(new URL('wasm/', document.baseURI).href);
  element('backend', HTMLOutputElement).textContent = backend.description;
  document.body.dataset.backend = backend.name;
  modelSelect.replaceChildren(
    ...SHIPPED_MODELS.map((model) => new Option(model.title, model.name)),
  );
  modelSelect.addEventListener('change', () => {
    void selectShippedModel(modelSelect.value);
  });
  const example = element('example', HTMLSelectElement);
  example.append(...DIGIT_STROKES.map((_, digit) => new Option(`a drawn ${digit}`, String(digit))));
  example.addEventListener('change', () => {
    pad.replaceWith(DIGIT_STROKES[Number(example.value)] ?? []);
  });
  // A drawing by hand is no longer the example, so the menu goes back to its prompt.
  element('pad', HTMLCanvasElement).addEventListener('pointerdown', () => {
    example.value = '';
  });
  element('undo', HTMLButtonElement).addEventListener('click', () => {
    pad.undo();
  });
  element('clear', HTMLButtonElement).addEventListener('click', () => {
    example.value = '';
    pad.clear();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') pad.clear();
    if ((event.ctrlKey || event.metaKey) && event.key === 'z') pad.undo();
  });
  await selectShippedModel(modelSelect.value);
  setupTrainingPanel({ useModel });
  document.body.dataset.ready = 'true';
}

start().catch((error: unknown) => {
  console.error(error);
  element('backend', HTMLOutputElement).textContent = `failed to start: ${errorMessage(error)}`;
});
