import type * as tf from '@tensorflow/tfjs';
import type { DatasetSplit } from '@lenet/data';
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
 * Trains a model in the page with the training toolkit of @lenet/models, as `lenet train` does
 * with its defaults (Adam down a cosine schedule, the MAP criterion for RBF heads, cross-entropy
 * for logits, the seeded batch order, the LeNet engine's WebAssembly SIMD kernels where they run
 * the model), so the same seed gives the same batches and losses; what is the page's own is the
 * pause and resume, and yielding to the page between batches so that it stays responsive.
 */
export class BrowserTrainer {
  readonly model: tf.LayersModel;
  readonly recipe: ModelRecipe;
  readonly seed: number;
  #paused = false;
  #resume: (() => void) | undefined;
  #kernels: Trainer['kernels'] | undefined;

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
  async train(
    settings: TrainingSettings,
    onBatch: (progress: TrainingProgress) => void,
  ): Promise<void> {
    const batchSize = settings.batchSize ?? TRAINING_DEFAULTS.batchSize;
    const optimizer = createOptimizer(TRAINING_DEFAULTS.optimizer, settings.learningRate, {
      batchSize,
      model: this.model,
    });
    const trainer = await createTrainer(this.model, {
      criterion: criterionFor(TRAINING_DEFAULTS.loss, this.recipe.output),
      kernels: TRAINING_DEFAULTS.kernels,
    });
    this.#kernels = trainer.kernels;
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
      if (!this.#paused || finished) return;
      // The model is the page's to read while paused: the weights the trainer holds go into it.
      trainer.flush();
      const pausedAt = performance.now();
      await new Promise<void>((resolve) => (this.#resume = resolve));
      started += performance.now() - pausedAt;
    };
    try {
      for (let epoch = 0; epoch < plan.epochs; epoch += 1) {
        await trainEpoch(plan, epoch, {
          betweenBatches: waitWhilePaused,
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
