import type * as tf from '@tensorflow/tfjs';
import { loadMnist, type Dataset, type DatasetSplit } from '@lenet/data';
import { evaluateModel, recognizeModel, type ModelKind } from '@lenet/models';
import {
  confusionMatrixFigure,
  learningCurvesFigure,
  misclassifiedGalleryFigure,
  type LearningCurvePoint,
} from '@lenet/viz';
import { findShippedModel, SHIPPED_MODELS } from '../models/shipped-models.js';
import { element } from '../page-elements.js';
import { drawFigure } from '../view/figure-canvas.js';
import { drawLossCurve } from '../view/loss-curve.js';
import { BrowserTrainer, type TrainingProgress } from './browser-training.js';
import { downloadModel, loadFromBrowser, loadFromFiles, saveToBrowser } from './model-store.js';

/** What the training panel needs from the page. */
export interface PageModels {
  /** Makes a model the one the drawing pad uses. */
  readonly useModel: (model: tf.LayersModel, recipe: ModelKind, label: string) => void;
}

const datasets = new Map<string, Promise<Dataset>>();
const status = () => element('train-status', HTMLOutputElement);
const storeStatus = () => element('store-status', HTMLOutputElement);

function firstImages(split: DatasetSplit, count: number): DatasetSplit {
  const kept = Math.min(split.count, Math.max(1, count));
  return {
    ...split,
    count: kept,
    images: split.images.subarray(0, kept * split.height * split.width),
    labels: split.labels.subarray(0, kept),
  };
}

function report(progress: TrainingProgress, images: number, kernels: string): void {
  const gradients = kernels === 'lenet' ? 'LeNet engine (WebAssembly SIMD)' : 'tfjs';
  const line = `epoch ${progress.epoch.toFixed(2)}: loss ${progress.loss.toFixed(3)}, batch error ${(progress.error * 100).toFixed(1)}%, ${Math.round(progress.imagesPerSecond)} images/s, gradients: ${gradients}`;
  status().textContent = line;
  status().dataset.kernels = kernels;
  status().dataset.images = String(images);
  status().dataset.imagesPerSecond = progress.imagesPerSecond.toFixed(1);
}

function drawCurves(losses: readonly number[], points: readonly LearningCurvePoint[]): void {
  const curves = element('train-curves', HTMLCanvasElement);
  drawLossCurve(curves, losses);
  curves.dataset.batches = String(losses.length);
  curves.dataset.firstLoss = String(losses[0] ?? Number.NaN);
  curves.dataset.lastLoss = String(
    losses.slice(-5).reduce((sum, loss) => sum + loss, 0) / Math.min(5, losses.length),
  );
  if (points.length > 0)
    drawFigure(
      element('train-errors', HTMLCanvasElement),
      learningCurvesFigure({
        points,
        title: 'Training error (running mean over the batches so far)',
      }),
    );
}

/** Wires the "train in the browser" and "save and load" controls. */
export function setupTrainingPanel(page: PageModels): void {
  const trainModel = element('train-model', HTMLSelectElement);
  trainModel.replaceChildren(...SHIPPED_MODELS.map((model) => new Option(model.title, model.name)));
  const pause = element('train-pause', HTMLButtonElement);
  const start = element('train-start', HTMLButtonElement);
  let trainer: BrowserTrainer | undefined;
  let dataset: Dataset | undefined;

  element('train-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    start.disabled = true;
    void (async () => {
      const url = new URL(element('mnist-url', HTMLInputElement).value, document.baseURI).href;
      status().textContent = `loading MNIST from ${url}...`;
      const loading = datasets.get(url) ?? loadMnist({ folder: url });
      datasets.set(url, loading);
      dataset = await loading;
      trainer = new BrowserTrainer(findShippedModel(trainModel.value));
      const train = firstImages(
        dataset.train,
        element('train-limit', HTMLInputElement).valueAsNumber,
      );
      const losses: number[] = [];
      const points: LearningCurvePoint[] = [];
      let images = 0;
      let errors = 0;
      let drawn = 0;
      pause.disabled = false;
      status().dataset.state = 'training';
      const settings = {
        train,
        epochs: element('train-epochs', HTMLInputElement).valueAsNumber,
        learningRate: element('train-rate', HTMLInputElement).valueAsNumber,
      };
      await trainer.train(settings, (progress) => {
        images += progress.images;
        losses.push(progress.loss);
        errors += progress.error;
        report(progress, images, trainer?.kernels ?? 'tfjs');
        if (performance.now() - drawn < 250 && losses.length % 10 !== 0) return;
        drawn = performance.now();
        points.push({ epoch: progress.epoch, trainError: errors / losses.length });
        drawCurves(losses, points);
      });
      drawCurves(losses, points);
      status().dataset.state = 'done';
      status().textContent = `${status().textContent} -- done`;
      pause.disabled = true;
      start.disabled = false;
      for (const id of ['train-evaluate', 'use-trained', 'save-idb', 'download'])
        element(id, HTMLButtonElement).disabled = false;
    })().catch((error: unknown) => {
      status().textContent = `training failed: ${error instanceof Error ? error.message : String(error)}`;
      status().dataset.state = 'failed';
      start.disabled = false;
    });
  });

  pause.addEventListener('click', () => {
    if (trainer === undefined) return;
    if (trainer.paused) trainer.resume();
    else trainer.pause();
    pause.textContent = trainer.paused ? 'Resume' : 'Pause';
    status().dataset.state = trainer.paused ? 'paused' : 'training';
  });

  element('train-evaluate', HTMLButtonElement).addEventListener('click', () => {
    if (trainer === undefined || dataset === undefined) return;
    const { model, recipe } = trainer;
    const test = dataset.test;
    status().textContent = 'evaluating on the 10,000 test digits...';
    void evaluateModel(model, recipe, test).then((evaluation) => {
      status().textContent = `test error ${(evaluation.errorRate * 100).toFixed(2)}%`;
      status().dataset.testError = evaluation.errorRate.toFixed(4);
      drawFigure(
        element('confusion', HTMLCanvasElement),
        confusionMatrixFigure({
          matrix: evaluation.confusion,
          title: 'Confusion matrix (test set)',
        }),
      );
      const wrong = evaluation.misclassified.slice(0, 40);
      if (wrong.length === 0) return;
      drawFigure(
        element('misclassified', HTMLCanvasElement),
        misclassifiedGalleryFigure({
          images: wrong.map((index) => test.images.subarray(index * 784, (index + 1) * 784)),
          trueLabels: wrong.map((index) => test.labels[index] ?? 0),
          predictedLabels: wrong.map((index) => evaluation.predictions[index] ?? 0),
          tested: evaluation.predictions.length,
          errors: evaluation.errors,
          title: 'Misclassified test digits',
        }),
      );
    });
  });

  element('use-trained', HTMLButtonElement).addEventListener('click', () => {
    if (trainer !== undefined)
      page.useModel(trainer.model, trainer.recipe, `trained ${trainer.recipe.name}`);
  });
  element('save-idb', HTMLButtonElement).addEventListener('click', () => {
    if (trainer === undefined) return;
    const { model, recipe } = trainer;
    void saveToBrowser(model, recipe.name).then(
      () => (storeStatus().textContent = `saved ${recipe.title} in this browser`),
    );
  });
  element('download', HTMLButtonElement).addEventListener('click', () => {
    if (trainer !== undefined) void downloadModel(trainer.model, trainer.recipe.name);
  });
  element('load-idb', HTMLButtonElement).addEventListener('click', () => {
    const recipe = findShippedModel(trainModel.value);
    void loadFromBrowser(recipe.name).then((model) => {
      if (model === undefined) {
        storeStatus().textContent = `no ${recipe.title} saved in this browser yet: train one and press "Save to this browser".`;
        return;
      }
      page.useModel(model, recipe, `saved ${recipe.name}`);
      storeStatus().textContent = `loaded the ${recipe.title} saved in this browser`;
    });
  });
  element('upload', HTMLInputElement).addEventListener('change', (event) => {
    const files = Array.from((event.target as HTMLInputElement).files ?? []);
    void Promise.resolve()
      .then(() => loadFromFiles(files))
      .then((model) => {
        const recipe = recognizeModel(model);
        if (recipe === undefined)
          throw new Error(
            `${files.map((file) => file.name).join(' + ')} holds a model with ${JSON.stringify(model.inputs[0]?.shape.slice(1))} inputs; the page feeds 32x32 or 28x28 digits only. Choose a model saved by lenet train or by this page.`,
          );
        page.useModel(model, recipe, `file ${recipe.name}`);
        storeStatus().textContent = `loaded ${files.map((file) => file.name).join(' + ')} as ${recipe.title}`;
      })
      .catch(
        (error: unknown) =>
          (storeStatus().textContent = error instanceof Error ? error.message : String(error)),
      );
  });
}
