import type * as tf from '@tensorflow/tfjs';
import type { DatasetSplit } from '@lenet/data';
import { errorMessage } from '../error-message.js';
import {
  DEFAULT_CLASSES,
  createOptimizer,
  createTrainer,
  createTrainingPlan,
  criterionFor,
  TRAINING_DEFAULTS,
  trainEpoch,
  type ModelRecipe,
  type Trainer,
  type TrainingCriterion,
} from '@lenet/models';

/** Progress after one batch. */
export interface TrainingProgress {
  /** Passes over the training images so far, fractional (1.5 is half way through the second). */
  readonly epoch: number;
  /** Images in the batch. */
  readonly images: number;
  /** The batch's mean loss before its update. */
  readonly loss: number;
  /** The share of the batch misclassified before its update, 0..1. */
  readonly error: number;
  /** Images trained per second since the run started, time spent paused left out. */
  readonly imagesPerSecond: number;
}

/** What a training run in the page trains on; everything else is `lenet train`'s default ({@link TRAINING_DEFAULTS}). */
export interface TrainingSettings {
  /** The training images (the first N of the data set's training set, as `lenet train --limit N`), labels below the model's class count. */
  readonly train: DatasetSplit;
  readonly epochs: number;
  readonly learningRate: number;
  /** Images per update. Default `lenet train`'s 32. */
  readonly batchSize?: number;
}

/**
 * A trainer with the LeNet engine's kernels, or with tfjs's gradients when the engine cannot
 * start (its WebAssembly could not be fetched or compiled): then `fallback` says why.
 */
async function pageTrainer(
  model: tf.LayersModel,
  criterion: TrainingCriterion,
): Promise<{ trainer: Trainer; fallback?: string }> {
  try {
    return {
      trainer: await createTrainer(model, { criterion, kernels: TRAINING_DEFAULTS.kernels }),
    };
  } catch (error) {
    return {
      trainer: await createTrainer(model, { criterion, kernels: 'tfjs' }),
      fallback: errorMessage(error),
    };
  }
}

/**
 * Trains a model in the page with the training toolkit of @lenet/models, as `lenet train` does
 * with its defaults (Adam down a cosine schedule, the MAP criterion for RBF heads, cross-entropy
 * for logits, the seeded batch order, the LeNet engine's WebAssembly SIMD kernels where they run
 * the model, tfjs's gradients where they cannot be fetched), so the same seed gives the same
 * batches and losses; what is the page's own is pause, resume and stop, and yielding to the
 * page between batches so that it stays responsive.
 */
export class BrowserTrainer {
  readonly model: tf.LayersModel;
  readonly recipe: ModelRecipe;
  readonly seed: number;
  #paused = false;
  #stopping = false;
  #resume: (() => void) | undefined;
  #kernels: Trainer['kernels'] | undefined;
  #fallback: string | undefined;

  /**
   * @param recipe - The catalogue model to train.
   * @param seed - The seed of the weights and the batch order, as `lenet train --seed`. Default 1.
   * @param classes - The model's outputs, one per class of the data set. Default 10 (the digits).
   * @throws `ModelOptionError` for a class count the recipe does not build (`supportsClasses`).
   */
  constructor(
    recipe: ModelRecipe,
    seed: number = TRAINING_DEFAULTS.seed,
    classes: number = DEFAULT_CLASSES,
  ) {
    this.recipe = recipe;
    this.seed = seed;
    this.model = recipe.create(seed, TRAINING_DEFAULTS.initialisation, classes);
  }

  /** What computes the gradients once training started: the LeNet engine, or tfjs. */
  get kernels(): Trainer['kernels'] | undefined {
    return this.#kernels;
  }

  /** Why the LeNet engine could not start, when training fell back to tfjs's gradients. */
  get fallback(): string | undefined {
    return this.#fallback;
  }

  /** Whether a pause was asked for and not resumed. */
  get paused(): boolean {
    return this.#paused;
  }

  /** Whether a stop was asked for. */
  get stopping(): boolean {
    return this.#stopping;
  }

  /** Ends the run after the current batch (a paused run at once); the model keeps what it learnt. */
  stop(): void {
    this.#stopping = true;
    this.resume();
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

  /** Runs every epoch, calling `onBatch` after each batch, until the last or a {@link BrowserTrainer.stop}. Leaks no tensors. */
  async train(
    settings: TrainingSettings,
    onBatch: (progress: TrainingProgress) => void,
  ): Promise<void> {
    const batchSize = settings.batchSize ?? TRAINING_DEFAULTS.batchSize;
    const optimizer = createOptimizer(TRAINING_DEFAULTS.optimizer, settings.learningRate, {
      batchSize,
      model: this.model,
    });
    const { trainer, fallback } = await pageTrainer(
      this.model,
      criterionFor(TRAINING_DEFAULTS.loss, this.recipe.output),
    );
    this.#kernels = trainer.kernels;
    this.#fallback = fallback;
    const { seed } = this;
    const plan = createTrainingPlan({
      kind: this.recipe,
      trainer,
      optimizer,
      train: settings.train,
      epochs: settings.epochs,
      batchSize,
      seed,
      learningRate: settings.learningRate,
      schedule: TRAINING_DEFAULTS.schedule,
      distortions: false,
    });
    let started = performance.now();
    let images = 0;
    let finished = false;
    const waitWhilePaused = async () => {
      // A pause asked for during the last batch has nothing left to hold.
      if (!this.#paused || this.#stopping || finished) return;
      // The model is the page's to read while paused: the weights the trainer holds go into it.
      trainer.flush();
      const pausedAt = performance.now();
      await new Promise<void>((resolve) => (this.#resume = resolve));
      started += performance.now() - pausedAt;
    };
    try {
      for (let epoch = 0; epoch < plan.epochs && !this.#stopping; epoch += 1) {
        await trainEpoch(plan, epoch, {
          betweenBatches: waitWhilePaused,
          shouldStop: () => this.#stopping,
          onBatch: (progress) => {
            images += progress.count;
            finished = epoch + 1 === plan.epochs && progress.batch + 1 === progress.batches;
            const imagesPerSecond = images / ((performance.now() - started) / 1000);
            onBatch({
              epoch: epoch + (progress.batch + 1) / progress.batches,
              images: progress.count,
              loss: progress.loss,
              error: 1 - progress.correct / progress.count,
              imagesPerSecond,
            });
          },
        });
      }
    } finally {
      // Writes the weights the trainer holds (and the optimiser's state) into the model.
      await trainer.dispose();
      optimizer.optimizer.dispose();
    }
  }
}
