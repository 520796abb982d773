import type * as tf from '@tensorflow/tfjs';
import { createLenetEngine, engineSupport } from '@lenet/core';
import { ModelOptionError } from '../model-option-error.js';
import { defaultTrainingThreads } from './data-parallel-trainer.js';
import { PredictorDisposedError } from './predictor-disposed-error.js';
import type { PredictorReply } from './predictor-worker-messages.js';
import { PredictorWorkerError } from './predictor-worker-error.js';
import type { WorkerModelSetup } from './serve-worker-requests.js';
import { SplitPredictor } from './split-predictor.js';
import { workerEntry, WorkerThread } from './worker-thread.js';

/**
 * The fewest images a thread predicts, by default: a smaller share saves less time than the round
 * trip to a worker costs (about 0.1 ms on a 2-core machine, where LeNet-1, the lightest LeNet,
 * breaks even at shares of about 6 images and LeNet-5 at about 2). With 2 threads, batches of 16
 * images or more are split.
 */
export const MINIMUM_PREDICTION_SHARE = 8;

/** Options of {@link createParallelPredictor}. */
export interface ParallelPredictorOptions {
  /**
   * Threads that each predict a share of every batch, the calling thread included; 1 predicts in
   * the calling thread alone. Default {@link defaultTrainingThreads} (one per core, at most 4).
   */
  readonly threads?: number;
  /**
   * The fewest images a thread predicts: a batch of fewer than `threads * minimumShare` images is
   * split across fewer threads, and one of fewer than `2 * minimumShare` runs in the calling thread
   * alone. Default {@link MINIMUM_PREDICTION_SHARE}.
   */
  readonly minimumShare?: number;
}

/** Inference on the LeNet engine with each batch split across threads; see {@link createParallelPredictor}. */
export interface ParallelPredictor {
  /** The threads predicting shares of a batch, the calling thread included. */
  readonly threads: number;
  /** The side of the square images the model takes (32 for LeNet-5, 28 for LeNet-1). */
  readonly size: number;
  /**
   * The model's outputs for `count` images: RBF distances or logits, `[count, classes]`
   * row-major (`classes` the model's output width), bit for bit those of `LenetEngine.predict`
   * on the whole batch.
   *
   * @param pixels - `[count, size, size, 1]` row-major, scaled as in training. On a
   *   SharedArrayBuffer, the workers read their shares in place; else each share is copied once.
   * @param size - The images' side; must be {@link ParallelPredictor.size}.
   * @throws {@link PredictionInputError} for pixels that are not whole images of the model's size.
   * @throws {@link PredictorWorkerError} when a worker fails; {@link PredictorDisposedError} after `dispose()`.
   */
  predict(pixels: Float32Array, size: number): Promise<Float32Array>;
  /**
   * Predicts from now on with `weights`, every trainable weight concatenated in
   * `model.trainableWeights` order (as `readTrainableWeights` returns them); predictions already
   * started keep the weights they started with.
   *
   * @throws {@link PredictionInputError} for a vector of the wrong length.
   */
  setWeights(weights: Float32Array): void;
  /**
   * Predicts from now on with the model's current trainable weights: call it after training (after
   * the trainer's `flush()`, which writes weights a trainer holds into the model).
   */
  refresh(): void;
  /** Ends the worker threads; predictions pending and later ones reject with {@link PredictorDisposedError}. */
  dispose(): Promise<void>;
}

function checkPositiveInteger(option: string, value: number): void {
  if (!Number.isInteger(value) || value < 1)
    throw new ModelOptionError(
      'createParallelPredictor',
      option,
      'a positive integer',
      String(value),
    );
}

/**
 * {@link createParallelPredictor} with its workers started from `entry` (tests start failing ones).
 * Not exported by the package.
 */
export async function startParallelPredictor(
  model: tf.LayersModel,
  options: ParallelPredictorOptions,
  entry: URL,
): Promise<ParallelPredictor> {
  const threads = options.threads ?? defaultTrainingThreads();
  const minimumShare = options.minimumShare ?? MINIMUM_PREDICTION_SHARE;
  checkPositiveInteger('threads', threads);
  checkPositiveInteger('minimumShare', minimumShare);
  const engine = await createLenetEngine(model);
  if (engine === undefined)
    throw new ModelOptionError(
      'createParallelPredictor',
      'model',
      'a model the LeNet engine runs (every LeNet of @lenet/models does)',
      engineSupport(model) ?? 'another model',
    );
  // tfjs only rebuilds the model in a worker, for the engine to copy its weights: its lightest backend will do.
  const setup: WorkerModelSetup = {
    topology: model.toJSON(null, false) as object,
    weights: model.weights.map((weight) => weight.read().dataSync() as Float32Array),
    backend: 'cpu',
  };
  const workers = Array.from(
    { length: threads - 1 },
    (_, index) =>
      new WorkerThread<PredictorReply>(entry, setup, {
        failed: (reason, cause) => new PredictorWorkerError(index + 1, reason, cause),
        disposed: () => new PredictorDisposedError('ParallelPredictor.predict'),
      }),
  );
  try {
    await Promise.all(workers.map((worker) => worker.next()));
  } catch (error) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }
  return new SplitPredictor(model, engine, workers, minimumShare);
}

/**
 * Inference in Node on @lenet/core's LeNet engine (WebAssembly SIMD), each batch split into shares:
 * the calling thread predicts the first share while worker threads, each with its own engine and
 * copy of the weights, predict the others. The engine predicts image by image, so the outputs are
 * bit for bit those of one engine on the whole batch, whatever the thread count. Small batches
 * (below `2 * minimumShare` images, a single image too) run in the calling thread alone. The
 * predictor holds a copy of the model's weights: after training, call `refresh()`.
 *
 * @param model - A LeNet the engine runs (see `engineSupport` of @lenet/core); its layers must be
 *   registered with tfjs (importing `@lenet/core` registers the LeNet layers).
 * @param options - The thread count and the smallest share.
 * @throws {@link ModelOptionError} for a model the engine cannot run, or a thread count or share
 *   that is not a positive integer.
 * @throws {@link PredictorWorkerError} when a worker cannot start.
 * @example
 * ```ts
 * const predictor = await createParallelPredictor(lenet5({ seed: 1 }), { threads: 2 });
 * const distances = await predictor.predict(pixels, 32); // [count, 10], row-major
 * await predictor.dispose();
 * ```
 */
export function createParallelPredictor(
  model: tf.LayersModel,
  options: ParallelPredictorOptions = {},
): Promise<ParallelPredictor> {
  return startParallelPredictor(model, options, workerEntry('predictor-worker', import.meta.url));
}
