import * as tf from '@tensorflow/tfjs';
import { createRandom, gather, shuffledIndices, type DatasetSplit } from '@lenet/data';
import { createTrainer, type Trainer } from '@lenet/models';
import { modelInputs } from '../models/model-inputs.js';
import type { WebModel } from '../models/web-models.js';

/** Progress after one batch. */
export interface TrainingProgress {
  /** Passes over the training images so far, fractional (1.5 is half way through the second). */
  readonly epoch: number;
  /** The batch's mean loss before its update. */
  readonly loss: number;
  /** The share of the batch misclassified before its update, 0..1. */
  readonly error: number;
  /** Images trained per second since the run started, time spent paused left out. */
  readonly imagesPerSecond: number;
}

/** What a training run trains on and how. */
export interface TrainingSettings {
  readonly train: DatasetSplit;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly seed: number;
}

/**
 * Trains a model in the page the way `lenet train` does (shuffled batches in a seeded order,
 * the CLI's input preparation, Adam; the paper's MAP loss for RBF heads, cross-entropy for
 * logits; gradients from the LeNet engine's WebAssembly SIMD kernels), yielding to the page
 * between batches so it stays responsive, with pause and resume.
 */
export class BrowserTrainer {
  readonly model: tf.LayersModel;
  readonly recipe: WebModel;
  #paused = false;
  #resume: (() => void) | undefined;
  #kernels: Trainer['kernels'] | undefined;

  constructor(recipe: WebModel, seed: number) {
    this.recipe = recipe;
    this.model = recipe.create(seed);
  }

  /** What computes the gradients once training started: the LeNet engine, or tfjs. */
  get kernels(): Trainer['kernels'] | undefined {
    return this.#kernels;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /** Pauses after the current batch. */
  pause(): void {
    this.#paused = true;
  }

  /** Continues a paused run. */
  resume(): void {
    this.#paused = false;
    this.#resume?.();
  }

  /** Runs every epoch, calling `onBatch` after each batch. Leaks no tensors. */
  async train(settings: TrainingSettings, onBatch: (progress: TrainingProgress) => void): Promise<void> {
    const optimizer = tf.train.adam(settings.learningRate);
    const trainer = await createTrainer(this.model, { criterion: this.recipe.output === 'rbf' ? 'map' : 'cross-entropy' });
    this.#kernels = trainer.kernels;
    try {
      await this.#epochs(trainer, optimizer, settings, onBatch);
    } finally {
      // Writes the weights the trainer holds (and the optimiser's state) into the model.
      await trainer.dispose();
      optimizer.dispose();
    }
  }

  async #epochs(trainer: Trainer, optimizer: tf.Optimizer, settings: TrainingSettings, onBatch: (progress: TrainingProgress) => void): Promise<void> {
    const batches = Math.ceil(settings.train.count / settings.batchSize);
    let started = performance.now();
    let images = 0;
    for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
      const order = shuffledIndices(settings.train.count, createRandom(settings.seed * 1009 + epoch));
      for (let batch = 0; batch < batches; batch += 1) {
        if (this.#paused) {
          // The model is the page's to read while paused: the weights the trainer holds go into it.
          trainer.flush();
          const pausedAt = performance.now();
          await new Promise<void>((resolve) => (this.#resume = resolve));
          started += performance.now() - pausedAt;
        }
        const indices = Array.from(order.subarray(batch * settings.batchSize, (batch + 1) * settings.batchSize));
        const step = await this.#step(trainer, optimizer, gather(settings.train, indices));
        images += indices.length;
        const seconds = (performance.now() - started) / 1000;
        onBatch({ epoch: epoch + (batch + 1) / batches, loss: step.loss, error: 1 - step.correct / indices.length, imagesPerSecond: images / seconds });
        await nextTask();
      }
    }
  }

  #step(trainer: Trainer, optimizer: tf.Optimizer, batch: { images: Uint8Array; labels: Uint8Array; count: number }) {
    const { pixels, size } = modelInputs({ images: batch.images, count: batch.count, height: 28, width: 28 }, this.recipe.input);
    return trainer.step(optimizer, { pixels, size, labels: batch.labels });
  }
}

/** Resolves on the next task of the event loop (no timer clamping), so the page can paint and react. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
