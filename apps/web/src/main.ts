import type * as tf from '@tensorflow/tfjs';
import { preparePicture } from '@lenet/data';
import { startBackend } from './backend/start-backend.js';
import { DIGIT_STROKES } from './draw/digit-strokes.js';
import { DrawPad } from './draw/draw-pad.js';
import { findPenSize, PEN_SIZES } from './draw/pen-sizes.js';
import { whatToDraw } from './draw/what-to-draw.js';
import { MNIST_TRAINED_ON } from './datasets/trained-on.js';
import { errorMessage } from './error-message.js';
import { isTypingTarget } from './keyboard.js';
import { loadShippedModel } from './models/load-shipped-model.js';
import { showModelMenu } from './models/model-menu.js';
import {
  ModelSwitch,
  type PadModel,
  type SwitchOutcome,
  type SwitchState,
} from './models/model-switch.js';
import { findShippedModel, SHIPPED_MODELS } from './models/shipped-models.js';
import { element } from './page-elements.js';
import { LivePredictor } from './predict/live-predictor.js';
import { NOT_A_DIGIT_THRESHOLDS, verdictOf } from './predict/verdict.js';
import { setupTrainingPanel } from './training/training-panel.js';
import { showModelFigures, type InspectorElements } from './view/inspector.js';
import { clearReading, showReading, type ReadingElements } from './view/reading-view.js';

const inspector: InspectorElements = {
  kernels: element('kernels', HTMLCanvasElement),
  codes: element('codes', HTMLCanvasElement),
  codesPanel: element('codes-panel', HTMLElement),
  c3Table: element('c3-table', HTMLTableElement),
  c3Panel: element('c3-panel', HTMLElement),
};
const reading: ReadingElements = {
  answer: element('prediction', HTMLOutputElement),
  detail: element('answer-detail', HTMLElement),
  latency: element('latency', HTMLElement),
  scores: element('scores', HTMLOListElement),
  seen: element('seen', HTMLElement),
  seen28: element('seen-28', HTMLCanvasElement),
  seenInput: element('seen-input', HTMLCanvasElement),
  activations: element('activations', HTMLCanvasElement),
};
const modelSelect = element('model-select', HTMLSelectElement);
const modelStatus = element('model-status', HTMLOutputElement);
const example = element('example', HTMLSelectElement);
/** Shipped weights once loaded, by name. */
const shipped = new Map<string, tf.LayersModel>();
/** The models used in this session that are not shipped (trained, saved, files), by key. */
const sessionModels = new Map<string, PadModel>();
const predictors = new WeakMap<tf.LayersModel, LivePredictor>();
let shown: PadModel | undefined;

const models = new ModelSwitch(render);
const pad = new DrawPad(element('pad', HTMLCanvasElement), {
  onDraw: () => {
    update(performance.now());
  },
  onChange: (eventTime) => {
    update(eventTime);
  },
});

function predictorFor(model: PadModel): LivePredictor {
  let predictor = predictors.get(model.model);
  if (predictor === undefined) {
    predictor = new LivePredictor(model.model, model.recipe);
    predictors.set(model.model, predictor);
  }
  return predictor;
}

/**
 * Reads the drawing with the model in use and shows the reading everywhere at once; an empty
 * pad empties every result.
 */
function update(eventTime: number): void {
  const inUse = models.state.inUse;
  if (inUse === undefined) return;
  if (pad.isEmpty) {
    clearReading(reading, inUse.trainedOn);
    return;
  }
  const picture = pad.picture();
  // The pad is dark ink on white paper, always.
  const image = preparePicture(
    { pixels: picture.data, width: picture.width, height: picture.height, channels: 4 },
    inUse.trainedOn.pictures,
    'dark-on-light',
  );
  const prediction = predictorFor(inUse).predict(image);
  const box = pad.inkBox();
  // The thresholds are calibrated on the shipped weights and MNIST's digits only.
  const threshold = inUse.shipped ? NOT_A_DIGIT_THRESHOLDS[inUse.recipe.name] : undefined;
  const verdict = verdictOf(prediction.scores, inUse.recipe.output, threshold, box);
  showReading(
    reading,
    { image, prediction, verdict, recipe: inUse.recipe, trainedOn: inUse.trainedOn, box },
    performance.now() - eventTime,
  );
}

/** Asks for a drawing of what `model` was trained on and redraws what shows the model. */
function showModel(model: PadModel): void {
  const thing = whatToDraw(model.trainedOn.name);
  element('draw-title', HTMLElement).textContent = `Draw ${thing}`;
  element('pad-hint', HTMLElement).textContent =
    `Draw one ${thing.replace(/^an? /, '')}, big: fill most of the pad.`;
  element('pad', HTMLCanvasElement).setAttribute(
    'aria-label',
    `Drawing pad: draw ${thing} with the mouse, a finger or a pen`,
  );
  reading.seen28.setAttribute(
    'aria-label',
    model.trainedOn.pictures === 'digit'
      ? 'the drawing after MNIST preprocessing, 28x28'
      : 'the whole drawing scaled into 28x28',
  );
  showModelFigures(inspector, model.model, model.recipe);
  document.body.dataset.model = model.key;
  document.body.dataset.dataset = model.trainedOn.name;
}

/** Redraws the page from the model switch's state: the menu, the loading notice, and on a new model everything it reads. */
function render(state: SwitchState): void {
  showModelMenu(modelSelect, [...sessionModels.values()], state);
  const inUse = state.inUse?.title ?? 'none yet';
  modelStatus.textContent =
    state.loading !== undefined
      ? `loading ${state.loading.title}... (the pad reads with ${inUse} until then)`
      : (state.failure ?? '');
  modelStatus.dataset.state =
    state.loading !== undefined ? 'loading' : state.failure !== undefined ? 'failed' : 'ready';
  modelSelect.setAttribute('aria-busy', String(state.loading !== undefined));
  if (state.inUse === undefined || state.inUse === shown) return;
  shown = state.inUse;
  showModel(shown);
  update(performance.now());
}

/** Switches to the shipped model or session model `key`. */
function chooseModel(key: string): Promise<SwitchOutcome> {
  const session = sessionModels.get(key);
  if (session !== undefined) return models.switchTo(key, session.title, () => session);
  const recipe = findShippedModel(key);
  return models.switchTo(recipe.name, recipe.title, async (signal) => {
    const model =
      shipped.get(recipe.name) ?? (await loadShippedModel(recipe, document.baseURI, signal));
    shipped.set(recipe.name, model);
    return {
      key: recipe.name,
      title: recipe.title,
      model,
      recipe,
      trainedOn: MNIST_TRAINED_ON,
      shipped: true,
    };
  });
}

function wireDrawingControls(): void {
  const pen = element('pen-size', HTMLSelectElement);
  pen.replaceChildren(...PEN_SIZES.map((size) => new Option(size.title, size.name)));
  pen.addEventListener('change', () => {
    pad.penFraction = findPenSize(pen.value).fraction;
  });
  example.append(...DIGIT_STROKES.map((_, digit) => new Option(`a drawn ${digit}`, String(digit))));
  example.addEventListener('change', () => {
    pad.replaceWith(DIGIT_STROKES[Number(example.value)] ?? []);
  });
  // A drawing by hand is no longer the example, so the menu goes back to its prompt.
  element('pad', HTMLCanvasElement).addEventListener('pointerdown', () => {
    example.value = '';
  });
  const clear = () => {
    example.value = '';
    pad.clear();
  };
  element('undo', HTMLButtonElement).addEventListener('click', () => {
    pad.undo();
  });
  element('clear', HTMLButtonElement).addEventListener('click', clear);
  document.addEventListener('keydown', (event) => {
    // Typing in a field or choosing in a menu keeps its own Escape and Ctrl+Z.
    if (event.defaultPrevented || isTypingTarget(event.target)) return;
    if (event.key === 'Escape') clear();
    if ((event.ctrlKey || event.metaKey) && event.key === 'z') {
      event.preventDefault();
      pad.undo();
    }
  });
}

async function start(): Promise<void> {
  const backend = await startBackend(new URL('wasm/', document.baseURI).href);
  element('backend', HTMLOutputElement).textContent = backend.description;
  document.body.dataset.backend = backend.name;
  modelSelect.addEventListener('change', () => {
    void chooseModel(modelSelect.value);
  });
  wireDrawingControls();
  const first = await chooseModel(SHIPPED_MODELS[0]?.name ?? 'lenet5');
  if (!first.used && first.failure !== undefined) throw new Error(first.failure);
  setupTrainingPanel({
    useModel: (key, title, load) =>
      models.switchTo(key, title, async () => {
        const model = await load();
        sessionModels.set(model.key, model);
        return model;
      }),
  });
  document.body.dataset.ready = 'true';
}

start().catch((error: unknown) => {
  console.error(error);
  element('backend', HTMLOutputElement).textContent = `failed to start: ${errorMessage(error)}`;
});
