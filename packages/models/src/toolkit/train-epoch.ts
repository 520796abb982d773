import type { CurvatureSummary } from '@lenet/core';
import { gather, type LabeledImages } from '@lenet/data';
import type { StepResult } from '../training/create-trainer.js';
import { NonFiniteTrainingError } from '../training/non-finite-training-error.js';
import { poolPatterns } from './distortion-pool.js';
import { placeDigits, scaledInputs } from './model-inputs.js';
import { epochOrder, learningRateOfBatch, type TrainingPlan } from './training-plan.js';

/** Progress after one batch. */
export interface BatchProgress {
  /** The epoch, from 0. */
  readonly epoch: number;
  /** The index of the batch just trained, from 0. */
  readonly batch: number;
  /** Batches per epoch. */
  readonly batches: number;
  /** The training items of this batch, in order: digit indices, or with distortions items of the distorted pool. */
  readonly indices: readonly number[];
  /** Images in this batch. */
  readonly count: number;
  /** Images trained so far in this epoch. */
  readonly images: number;
  /** The learning rate of this batch's update. */
  readonly learningRate: number;
  /** The batch's mean loss before its update. */
  readonly loss: number;
  /** How many of the batch's images the model classified correctly before its update. */
  readonly correct: number;
}

/** What the caller of {@link trainEpoch} hears and decides. */
export interface EpochHooks {
  /** The batch to start from (a run resumed inside an epoch). Default 0. */
  readonly startBatch?: number;
  /**
   * Called once, before the first batch, when the epoch starts from batch 0 and the optimiser
   * prepared the pass (SDLM: its new curvature estimate); awaited.
   */
  readonly onCurvature?: (summary: CurvatureSummary) => void | Promise<void>;
  /** Called after each batch. */
  readonly onBatch?: (progress: BatchProgress) => void;
  /** Awaited after each batch (once the event loop has had its turn): a page pauses here. */
  readonly betweenBatches?: () => void | Promise<void>;
  /** Asked after each batch; true stops the epoch there. */
  readonly shouldStop?: () => boolean;
}

/** How an epoch ended: completed or not (stopped before batch `nextBatch`), and whether a stop was asked for. */
export interface EpochOutcome {
  readonly completed: boolean;
  readonly nextBatch: number;
  readonly stopRequested: boolean;
  /** The range of SDLM's curvature estimate made before the epoch; undefined for the other optimisers and a resumed epoch. */
  readonly curvature?: CurvatureSummary;
}

/** Lets the event loop run (timers, signals such as Ctrl-C, a page's paint and clicks) without a timer's clamping. */
function nextTask(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** The patterns of one batch placed as the model reads them. */
function batchPatterns(plan: TrainingPlan, indices: readonly number[]): LabeledImages {
  if (plan.placed !== undefined) return gather(plan.placed, indices);
  const drawn = poolPatterns(plan.train, indices, plan.seed);
  return { ...placeDigits(drawn, plan.kind.input), labels: drawn.labels };
}

/**
 * Trains one epoch of a plan from batch `hooks.startBatch`, in an order fixed by the seed and
 * the epoch ({@link epochOrder}), each batch at the rate {@link learningRateOfBatch} gives, so a
 * run stopped at any batch and resumed there gives the same weights as one never stopped, and
 * the CLI and the web page train on the same batches. A pass that starts from batch 0 is
 * prepared first (`ScheduledOptimizer.startPass`: SDLM's curvature). After each batch it yields
 * to the event loop, awaits `betweenBatches` and asks `shouldStop` once. At the end (and when it
 * stops or fails) it flushes the trainer, so the model holds the trained weights.
 *
 * @param plan - The run, from {@link createTrainingPlan}.
 * @param epoch - The epoch, from 0.
 * @param hooks - Where to start, progress, pausing and stopping.
 * @throws {@link NonFiniteTrainingError} naming the epoch and the batch when a step's loss,
 *   gradient or optimiser state is not finite; that step updated nothing, and the trainer is
 *   flushed, so the model holds the weights before it.
 * @example
 * ```ts
 * const outcome = await trainEpoch(plan, 0, { onBatch: ({ loss }) => console.log(loss) });
 * ```
 */
export async function trainEpoch(
  plan: TrainingPlan,
  epoch: number,
  hooks: EpochHooks = {},
): Promise<EpochOutcome> {
  const { train, batchSize, batches } = plan;
  const startBatch = hooks.startBatch ?? 0;
  const curvature =
    startBatch === 0
      ? plan.optimizer.startPass(epoch + 1, { kind: plan.kind, train, seed: plan.seed })
      : undefined;
  if (curvature !== undefined) {
    checkCurvature(curvature, epoch);
    await hooks.onCurvature?.(curvature);
  }
  const order = epochOrder(plan, epoch);
  const outcome = (
    completed: boolean,
    nextBatch: number,
    stopRequested: boolean,
  ): EpochOutcome => ({
    completed,
    nextBatch,
    stopRequested,
    ...(curvature === undefined ? {} : { curvature }),
  });
  try {
    for (let batch = startBatch; batch < batches; batch += 1) {
      const end = Math.min(train.count, (batch + 1) * batchSize);
      const indices = Array.from(order.subarray(batch * batchSize, end));
      const learningRate = learningRateOfBatch(plan, epoch, batch);
      plan.optimizer.setLearningRate(learningRate);
      const patterns = batchPatterns(plan, indices);
      const { pixels, size } = scaledInputs(patterns);
      let result: StepResult;
      try {
        result = await plan.trainer.step(plan.optimizer.optimizer, {
          pixels,
          size,
          labels: patterns.labels,
        });
      } catch (error) {
        throw NonFiniteTrainingError.isInstance(error) ? error.at(epoch, batch) : error;
      }
      hooks.onBatch?.({
        epoch,
        batch,
        batches,
        indices,
        count: indices.length,
        images: end,
        learningRate,
        loss: result.loss,
        correct: result.correct,
      });
      await nextTask();
      await hooks.betweenBatches?.();
      if (hooks.shouldStop?.() === true) return outcome(batch + 1 === batches, batch + 1, true);
    }
    return outcome(true, batches, false);
  } finally {
    // The model is read (evaluated, saved, checkpointed, drawn) after an epoch and after a stop.
    plan.trainer.flush();
  }
}

/**
 * Refuses a pass whose freshly estimated curvature (SDLM's h_kk, re-estimated before every pass)
 * is not finite: its step sizes would be NaN and the pass's first step would spoil the weights.
 */
function checkCurvature(curvature: CurvatureSummary, epoch: number): void {
  const spoilt = curvature.layers.find(
    (layer) => !Number.isFinite(layer.curvature.min) || !Number.isFinite(layer.curvature.max),
  );
  const value = [
    spoilt?.curvature.min,
    spoilt?.curvature.max,
    curvature.smallest,
    curvature.largest,
  ].find((each) => each !== undefined && !Number.isFinite(each));
  if (value !== undefined)
    throw new NonFiniteTrainingError({
      quantity: 'optimizer-state',
      value,
      ...(spoilt === undefined ? {} : { weight: `${spoilt.layer} (its curvature h_kk)` }),
    }).at(epoch, 0);
}
