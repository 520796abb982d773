import type * as tf from '@tensorflow/tfjs';
import { createRandom, gather, shuffledIndices, type DatasetSplit, type LabeledImages } from '@lenet/data';
import type { DataParallelTrainer } from '@lenet/models';
import { poolItemsOfEpoch, poolPatterns } from './distortion-pool.js';
import { mixSeed } from './mix-seed.js';
import type { ModelRecipe } from './model-catalog.js';
import { placeDigits, scaledInputs } from './model-inputs.js';

/** Everything an epoch of training needs. */
export interface EpochSetup {
  readonly recipe: ModelRecipe;
  readonly optimizer: tf.Optimizer;
  /** Computes each batch's gradients (in one or more threads) and applies them with `optimizer`. */
  readonly trainer: DataParallelTrainer;
  readonly train: DatasetSplit;
  readonly batchSize: number;
  readonly seed: number;
  /**
   * Train on the paper's enlarged set: each epoch draws `train.count` patterns from a fixed pool
   * of the originals and 9 randomly distorted copies of each (see {@link poolItemsOfEpoch}).
   */
  readonly distortions: boolean;
  /**
   * The training digits already placed as the model reads them ({@link placeTrainingDigits}), so
   * that a run pads or down-samples them once, not once per batch; undefined with distortions,
   * whose patterns are drawn and placed batch by batch.
   */
  readonly placed: LabeledImages | undefined;
}

/** `train`'s first `train.count` digits placed as `recipe`'s model reads them (padded or down-sampled), with their labels. */
export function placeTrainingDigits(train: DatasetSplit, recipe: ModelRecipe): LabeledImages {
  return { ...placeDigits(train, recipe.input), labels: train.labels.subarray(0, train.count) };
}

/** Progress after one batch. */
export interface BatchProgress {
  readonly epoch: number;
  /** The index of the batch just trained, from 0. */
  readonly batch: number;
  readonly batches: number;
  /** Images trained so far in this epoch. */
  readonly images: number;
  readonly loss: number;
  readonly correct: number;
}

/** How an epoch ended: completed or not (stopped before batch `nextBatch`), and whether a stop was asked for. */
export interface EpochOutcome {
  readonly completed: boolean;
  readonly nextBatch: number;
  readonly stopRequested: boolean;
}

/** The number of batches in an epoch of `count` images. */
export function batchesPerEpoch(count: number, batchSize: number): number {
  return Math.ceil(count / batchSize);
}

/**
 * Trains one epoch from batch `startBatch`, in an order fixed by the seed and the epoch, so a
 * run stopped at any batch and resumed there gives the same weights as one never stopped.
 * After each batch it yields to the event loop (so Ctrl-C is seen) and asks `shouldStop` once.
 */
export async function trainEpoch(
  setup: EpochSetup,
  epoch: number,
  hooks: { startBatch?: number; onBatch?: (progress: BatchProgress) => void; shouldStop?: () => boolean } = {},
): Promise<EpochOutcome> {
  const { train, batchSize } = setup;
  const order = setup.distortions ? poolItemsOfEpoch(train.count, setup.seed, epoch) : shuffledIndices(train.count, createRandom(mixSeed(setup.seed, epoch)));
  const { placed } = setup;
  const batches = batchesPerEpoch(train.count, batchSize);
  try {
    for (let batch = hooks.startBatch ?? 0; batch < batches; batch += 1) {
      const indices = Array.from(order.subarray(batch * batchSize, Math.min(train.count, (batch + 1) * batchSize)));
      const chosen = placed === undefined ? poolPatterns(train, indices, setup.seed) : gather(placed, indices);
      const { pixels, size } = scaledInputs(placed === undefined ? placeDigits(chosen, setup.recipe.input) : chosen);
      const result = await setup.trainer.step(setup.optimizer, { pixels, size, labels: chosen.labels });
      hooks.onBatch?.({ epoch, batch, batches, images: Math.min(train.count, (batch + 1) * batchSize), ...result });
      await new Promise((resolve) => setImmediate(resolve));
      if (hooks.shouldStop?.() === true) return { completed: batch + 1 === batches, nextBatch: batch + 1, stopRequested: true };
    }
    return { completed: true, nextBatch: batches, stopRequested: false };
  } finally {
    // The model is read (checkpoint, test) after an epoch and after a stop.
    setup.trainer.flush();
  }
}
