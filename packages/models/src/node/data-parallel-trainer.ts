import { availableParallelism } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import type { TrainingBatch } from '../training/batch-gradients.js';
import { applyFlatGradients } from '../training/apply-flat-gradients.js';
import {
  gradientSource,
  trainerFrom,
  type Trainer,
  type TrainerOptions,
} from '../training/create-trainer.js';
import { flatGradients, type FlatGradients } from '../training/flat-gradients.js';
import { readTrainableWeights, trainableWeightSizes } from '../training/flat-weights.js';
import { holdWeights } from '../training/held-weights.js';
import { createStepGuard } from '../training/step-guard.js';
import { ModelOptionError } from '../model-option-error.js';
import type { TrainingWorkerSetup } from './training-worker-messages.js';
import { TrainingWorker, type ShareInFlight } from './training-worker-thread.js';

/** Options of {@link createDataParallelTrainer}. */
export interface DataParallelOptions extends TrainerOptions {
  /**
   * Threads that each compute a share of every batch, the calling thread included; 1 trains in
   * the calling thread alone. Default {@link defaultTrainingThreads}.
   */
  readonly threads?: number;
}

/** A {@link Trainer} whose every batch is split across threads; see {@link createDataParallelTrainer}. */
export interface DataParallelTrainer extends Trainer {
  /** The threads computing shares of each batch, the calling thread included. */
  readonly threads: number;
}

/** How long the calling thread blocks for a worker's answer before it awaits the worker's reply message (which also reports failures). */
const ANSWER_WAIT_MS = 100;

/** The default thread count: one per core, at most 4 (LeNet batches of 32 split no further with profit). */
export function defaultTrainingThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** Splits `count` images into at most `threads` shares, as equal as they come, the larger ones first. */
export function shareSizes(count: number, threads: number): number[] {
  const shares = Math.max(1, Math.min(threads, count));
  return Array.from(
    { length: shares },
    (_, index) => Math.floor(count / shares) + (index < count % shares ? 1 : 0),
  );
}

/** Images [start, start + count) of `batch`, without a copy. */
function sharePart(batch: TrainingBatch, start: number, count: number): TrainingBatch {
  const area = batch.size * batch.size;
  return {
    pixels: batch.pixels.subarray(start * area, (start + count) * area),
    size: batch.size,
    labels: batch.labels.subarray(start, start + count),
  };
}

/**
 * Data-parallel training in Node: every batch is split into shares, the calling thread computes
 * the first share's gradients while worker threads (each with its own copy of the model on the
 * same backend) compute the others at the same weights; the shares' gradients are averaged,
 * weighted by their sizes, and the optimiser makes one update. The update equals that of the
 * whole batch up to float rounding, and a run is bit-for-bit repeatable for a given thread count.
 * With one thread no worker starts; a batch too small to split trains in the calling thread.
 *
 * @param model - The model to train; its layers must be registered with tfjs (importing
 *   `@lenet/core` registers the LeNet layers).
 * @param options - The criterion and the thread count.
 * @throws {@link ModelOptionError} for a thread count that is not a positive integer.
 * @throws {@link TrainingWorkerError} when a worker cannot start (here) or fails (from `step`).
 * @throws {@link NonFiniteTrainingError} (from `step`) before any update when the batch's loss,
 *   a share's gradient or the optimiser's state is not finite.
 * @example
 * ```ts
 * const trainer = await createDataParallelTrainer(model, { criterion: 'map', threads: 2 });
 * const { loss } = await trainer.step(tf.train.adam(0.002), batch);
 * await trainer.dispose();
 * ```
 */
export async function createDataParallelTrainer(
  model: tf.LayersModel,
  options: DataParallelOptions,
): Promise<DataParallelTrainer> {
  const threads = options.threads ?? defaultTrainingThreads();
  if (!Number.isInteger(threads) || threads < 1)
    throw new ModelOptionError(
      'createDataParallelTrainer',
      'threads',
      'a positive integer',
      String(threads),
    );
  const source = await gradientSource(model, options.kernels);
  const { engine } = source;
  const held = engine === undefined ? undefined : holdWeights(model, engine);
  const guard = createStepGuard(model);
  const single = trainerFrom(model, source, options.criterion, held, guard);
  if (threads === 1) return { ...single, threads };
  const setup: TrainingWorkerSetup = {
    topology: model.toJSON(null, false) as object,
    weights: model.weights.map((weight) => weight.read().dataSync() as Float32Array),
    backend: tf.getBackend(),
    criterion: options.criterion,
    useEngine: engine !== undefined,
  };
  const parameters = trainableWeightSizes(model).reduce((sum, size) => sum + size, 0);
  const workers = Array.from(
    { length: threads - 1 },
    (_, index) => new TrainingWorker(index + 1, setup),
  );
  try {
    await Promise.all(workers.map((worker) => worker.next()));
  } catch (error) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }
  return {
    ...single,
    threads,
    step: async (optimizer, batch) => {
      const shares = shareSizes(batch.labels.length, threads);
      if (shares.length === 1) return single.step(optimizer, batch);
      await guard.checkOptimizer(optimizer);
      // With an optimiser the engine knows, the weights stay in the engine from step to step.
      const hold = held?.holdFor(optimizer);
      if (hold === undefined) single.flush();
      const weights = hold === undefined ? readTrainableWeights(model) : undefined;
      const writeWeights = (target: Float32Array): void => {
        if (weights === undefined) hold?.weights(target);
        else target.set(weights);
      };
      // Share 0 is this thread's; share k (at most threads - 1 of them) goes to worker k - 1.
      let start = shares[0] ?? 0;
      const inFlight: ShareInFlight[] = workers.slice(0, shares.length - 1).map((worker, index) => {
        const count = shares[index + 1] ?? 0;
        const share = worker.send(sharePart(batch, start, count), parameters, writeWeights);
        start += count;
        return share;
      });
      const total = batch.labels.length;
      const fractions = shares.map((count) => count / total);
      const ownFraction = fractions[0] ?? 0;
      // This thread's share (with the engine holding the weights, its gradient also stays there).
      let own: FlatGradients;
      try {
        const first = sharePart(batch, 0, shares[0] ?? 0);
        own =
          hold === undefined
            ? flatGradients(model, engine, options.criterion, first, weights)
            : hold.gradients(first, options.criterion);
      } catch (error) {
        // Let the workers finish their shares (and their failures be seen) before reporting ours.
        await Promise.allSettled(inFlight.map((share) => share.reply));
        throw error;
      }
      // The workers started at about the same time as this thread's share: wait for them with
      // Atomics.wait, which wakes sooner than their reply messages through the event loop.
      const answers = await Promise.all(
        inFlight.map((share) => {
          const answer = share.awaitAnswer(ANSWER_WAIT_MS);
          return answer === undefined ? share.reply : Promise.resolve(answer);
        }),
      );
      const results = [own, ...answers];
      const loss = results.reduce(
        (sum, part, share) => sum + part.loss * (fractions[share] ?? 0),
        0,
      );
      const correct = results.reduce((sum, part) => sum + part.correct, 0);
      const workerShares = answers.map(({ gradients }, index) => ({
        gradients,
        fraction: fractions[index + 1] ?? 0,
      }));
      if (hold === undefined) {
        const averaged = averageOf([
          { gradients: own.gradients, fraction: ownFraction },
          ...workerShares,
        ]);
        guard.checkStep(loss, [averaged]);
        applyFlatGradients(model, optimizer, averaged);
      } else {
        // The engine averages the shares with the same float64 sums as averageOf's: the shares
        // are checked one by one (an average of finite values is finite).
        guard.checkStep(loss, [own.gradients, ...answers.map(({ gradients }) => gradients)]);
        hold.apply([{ gradients: 'held', fraction: ownFraction }, ...workerShares]);
      }
      return { loss, correct };
    },
    dispose: async () => {
      await single.dispose();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** A share's gradient and the fraction of the batch it covers. */
interface WeightedGradient {
  readonly gradients: Float32Array;
  readonly fraction: number;
}

/** The shares' gradients averaged with their fractions: `g[i] = g[i] + share[i] * fraction`, share after share. */
function averageOf(shares: readonly WeightedGradient[]): Float32Array {
  const averaged = new Float32Array(shares[0]?.gradients.length ?? 0);
  for (const { gradients, fraction } of shares) {
    for (let index = 0; index < averaged.length; index += 1)
      averaged[index] = (averaged[index] as number) + (gradients[index] as number) * fraction;
  }
  return averaged;
}
