import * as tf from '@tensorflow/tfjs';
import { rbfMapLoss, softmaxCrossEntropy } from '@lenet/core';
import { createRandom, gather, shuffledIndices, type DatasetSplit } from '@lenet/data';
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
 * logits), yielding to the page between batches so it stays responsive, with pause and resume.
 */
export class BrowserTrainer {
  readonly model: tf.LayersModel;
  readonly recipe: WebModel;
  #paused = false;
  #resume: (() => void) | undefined;

  constructor(recipe: WebModel, seed: number) {
    this.recipe = recipe;
    this.model = recipe.create(seed);
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
    const computeLoss = this.recipe.output === 'rbf' ? (labels: tf.Tensor, output: tf.Tensor) => rbfMapLoss(labels, output) : softmaxCrossEntropy;
    const batches = Math.ceil(settings.train.count / settings.batchSize);
    let started = performance.now();
    let images = 0;
    for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
      const order = shuffledIndices(settings.train.count, createRandom(settings.seed * 1009 + epoch));
      for (let batch = 0; batch < batches; batch += 1) {
        if (this.#paused) {
          const pausedAt = performance.now();
          await new Promise<void>((resolve) => (this.#resume = resolve));
          started += performance.now() - pausedAt;
        }
        const indices = Array.from(order.subarray(batch * settings.batchSize, (batch + 1) * settings.batchSize));
        const step = this.#step(optimizer, computeLoss, gather(settings.train, indices));
        images += indices.length;
        const seconds = (performance.now() - started) / 1000;
        onBatch({ epoch: epoch + (batch + 1) / batches, loss: step.loss, error: 1 - step.correct / indices.length, imagesPerSecond: images / seconds });
        await nextTask();
      }
    }
    optimizer.dispose();
  }

  #step(optimizer: tf.Optimizer, computeLoss: (labels: tf.Tensor, output: tf.Tensor) => tf.Scalar, batch: { images: Uint8Array; labels: Uint8Array; count: number }) {
    const { pixels, size } = modelInputs({ images: batch.images, count: batch.count, height: 28, width: 28 }, this.recipe.input);
    let predictions: tf.Tensor | undefined;
    const cost = tf.tidy((): tf.Scalar => {
      const inputs = tf.tensor4d(pixels, [batch.count, size, size, 1]);
      const targets = tf.oneHot(tf.tensor1d(batch.labels, 'int32'), 10).toFloat();
      const scalar = optimizer.minimize(() => {
        const output = this.model.apply(inputs, { training: true }) as tf.Tensor;
        predictions = tf.keep(this.recipe.output === 'rbf' ? tf.argMin(output, 1) : tf.argMax(output, 1));
        return computeLoss(targets, output);
      }, true);
      if (scalar === null) throw new Error('The optimiser returned no loss.');
      return scalar;
    });
    const loss = cost.dataSync()[0] ?? Number.NaN;
    cost.dispose();
    const predicted = predictions?.dataSync() ?? new Int32Array(0);
    predictions?.dispose();
    const correct = batch.labels.reduce((sum, label, index) => sum + (predicted[index] === label ? 1 : 0), 0);
    return { loss, correct };
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
