import type { DatasetSplit } from '@lenet/data';
import type { PageDataset } from '../datasets/page-dataset.js';
import { element } from '../page-elements.js';
import { drawLineChart } from '../view/line-chart.js';
import type { BrowserTrainer, TrainingProgress } from './browser-training.js';
import { setEnabled } from './button-focus.js';

const status = () => element('train-status', HTMLOutputElement);

/** The buttons that steer a run: Train, Pause/Resume and Stop. */
export interface RunButtons {
  readonly start: HTMLButtonElement;
  readonly pause: HTMLButtonElement;
  readonly stop: HTMLButtonElement;
}

function firstImages(split: DatasetSplit, count: number): DatasetSplit {
  const kept = Math.min(split.count, Math.max(1, count));
  return {
    ...split,
    count: kept,
    images: split.images.subarray(0, kept * split.height * split.width),
    labels: split.labels.subarray(0, kept),
  };
}

function progressLine(progress: TrainingProgress, images: number, kernels: string): string {
  const gradients = kernels === 'lenet' ? 'LeNet engine (WebAssembly SIMD)' : 'tfjs';
  return `epoch ${progress.epoch.toFixed(2)}, ${images.toLocaleString('en-US')} images: loss ${progress.loss.toFixed(3)}, batch error ${(progress.error * 100).toFixed(1)}%, ${Math.round(progress.imagesPerSecond)} images/s, gradients: ${gradients}`;
}

function drawCurves(losses: readonly number[], errors: readonly number[]): void {
  const curves = element('train-curves', HTMLCanvasElement);
  drawLineChart(curves, { title: 'Training loss per batch', values: losses, smooth: true });
  curves.dataset.batches = String(losses.length);
  curves.dataset.firstLoss = String(losses[0] ?? Number.NaN);
  curves.dataset.lastLoss = String(
    losses.slice(-5).reduce((sum, loss) => sum + loss, 0) / Math.min(5, losses.length),
  );
  drawLineChart(element('train-errors', HTMLCanvasElement), {
    title: 'Training error, running mean over the batches so far',
    values: errors,
    percent: true,
  });
}

/** Shows why training runs on tfjs's gradients, or hides the notice. */
function showFallback(fallback: string | undefined): void {
  const notice = element('train-notice', HTMLElement);
  notice.hidden = fallback === undefined;
  notice.textContent =
    fallback === undefined
      ? ''
      : `Training with tfjs's gradients (slower): the LeNet engine could not start. ${fallback}`;
}

/**
 * Trains `trainer` on the first "Training images" of `data` for the form's epochs at its
 * learning rate, reporting each batch in `#train-status` (paused and stopped runs say so) and
 * drawing the loss and error curves. Pause/Resume and Stop steer it while it lasts; Train is
 * disabled meanwhile, the focus moving to Stop when Train had it and back when it ends.
 *
 * @param data - The data set loaded by the page.
 * @param trainer - The model and its trainer.
 * @param buttons - Train, Pause and Stop (enabled by the caller as the run starts).
 */
export async function runTraining(
  data: PageDataset,
  trainer: BrowserTrainer,
  buttons: RunButtons,
): Promise<void> {
  const { pause, stop, start } = buttons;
  const limit = element('train-limit', HTMLInputElement).valueAsNumber;
  const losses: number[] = [];
  const errors: number[] = [];
  let images = 0;
  let errorSum = 0;
  let drawn = 0;
  let line = `training ${trainer.recipe.title} on ${data.descriptor.title}...`;
  const show = () => {
    const state = trainer.stopping ? 'stopping' : trainer.paused ? 'paused' : 'training';
    status().dataset.state = state;
    status().textContent =
      state === 'paused'
        ? `paused at ${line}. Press Resume to go on, or Stop.`
        : state === 'stopping'
          ? `stopping after this batch: ${line}`
          : line;
  };
  const onPause = () => {
    if (trainer.paused) trainer.resume();
    else trainer.pause();
    pause.textContent = trainer.paused ? 'Resume' : 'Pause';
    show();
  };
  const onStop = () => {
    trainer.stop();
    show();
  };
  pause.addEventListener('click', onPause);
  stop.addEventListener('click', onStop);
  pause.textContent = 'Pause';
  setEnabled(pause, true);
  delete status().dataset.testError;
  showFallback(undefined);
  show();
  const settings = {
    train: firstImages(data.dataset.train, limit),
    epochs: element('train-epochs', HTMLInputElement).valueAsNumber,
    learningRate: element('train-rate', HTMLInputElement).valueAsNumber,
  };
  try {
    await trainer.train(settings, (progress) => {
      if (images === 0) showFallback(trainer.fallback);
      images += progress.images;
      losses.push(progress.loss);
      errorSum += progress.error;
      errors.push(errorSum / losses.length);
      line = progressLine(progress, images, trainer.kernels ?? 'tfjs');
      status().dataset.kernels = trainer.kernels ?? 'tfjs';
      status().dataset.images = String(images);
      status().dataset.imagesPerSecond = progress.imagesPerSecond.toFixed(1);
      show();
      if (performance.now() - drawn < 250 && losses.length % 10 !== 0) return;
      drawn = performance.now();
      drawCurves(losses, errors);
    });
  } finally {
    pause.removeEventListener('click', onPause);
    stop.removeEventListener('click', onStop);
    setEnabled(start, true);
    setEnabled(pause, false, start);
    setEnabled(stop, false, start);
    pause.textContent = 'Pause';
  }
  if (losses.length > 0) drawCurves(losses, errors);
  status().dataset.state = trainer.stopping ? 'stopped' : 'done';
  status().textContent = trainer.stopping ? `stopped at ${line}` : `${line} -- done`;
}
