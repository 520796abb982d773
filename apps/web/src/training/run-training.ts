import type { DatasetSplit } from '@lenet/data';
import { learningCurvesFigure, type LearningCurvePoint } from '@lenet/viz';
import type { PageDataset } from '../datasets/page-dataset.js';
import { element } from '../page-elements.js';
import { drawFigure } from '../view/figure-canvas.js';
import { drawLossCurve } from '../view/loss-curve.js';
import type { BrowserTrainer, TrainingProgress } from './browser-training.js';

const status = () => element('train-status', HTMLOutputElement);

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

/**
 * Trains `trainer` on the first "Training images" of `data` for the form's epochs at its
 * learning rate, reporting each batch in `#train-status` and drawing the loss and error curves.
 *
 * @param data - The data set loaded by the page.
 * @param trainer - The model and its trainer.
 * @param pause - The Pause button, enabled while the run lasts.
 */
export async function runTraining(
  data: PageDataset,
  trainer: BrowserTrainer,
  pause: HTMLButtonElement,
): Promise<void> {
  const limit = element('train-limit', HTMLInputElement).valueAsNumber;
  const losses: number[] = [];
  const points: LearningCurvePoint[] = [];
  let images = 0;
  let errors = 0;
  let drawn = 0;
  pause.disabled = false;
  status().dataset.state = 'training';
  delete status().dataset.testError;
  status().textContent = `training ${trainer.recipe.title} on ${data.descriptor.title}...`;
  const settings = {
    train: firstImages(data.dataset.train, limit),
    epochs: element('train-epochs', HTMLInputElement).valueAsNumber,
    learningRate: element('train-rate', HTMLInputElement).valueAsNumber,
  };
  await trainer.train(settings, (progress) => {
    images += progress.images;
    losses.push(progress.loss);
    errors += progress.error;
    report(progress, images, trainer.kernels ?? 'tfjs');
    if (performance.now() - drawn < 250 && losses.length % 10 !== 0) return;
    drawn = performance.now();
    points.push({ epoch: progress.epoch, trainError: errors / losses.length });
    drawCurves(losses, points);
  });
  drawCurves(losses, points);
  status().dataset.state = 'done';
  status().textContent = `${status().textContent} -- done`;
  pause.disabled = true;
}
