import { createRandom, shuffledIndices, type DatasetSplit, type LabeledImages } from '@lenet/data';
import { ModelOptionError } from '../model-option-error.js';
import type { Trainer } from '../training/create-trainer.js';
import type { ScheduledOptimizer } from './create-optimizer.js';
import { poolItemsOfEpoch } from './distortion-pool.js';
import { learningRateAt, type ScheduleName } from './learning-rate-schedule.js';
import { mixSeed } from './mix-seed.js';
import type { ModelKind } from './model-catalogue.js';
import { placeDigits } from './model-inputs.js';

/** What a run trains, on what, and how; see {@link createTrainingPlan}. */
export interface TrainingPlanOptions {
  /** How the model is fed (a catalogue recipe). */
  readonly kind: ModelKind;
  /** Computes each batch's gradients and applies them (`createTrainer`, or `createDataParallelTrainer` in Node). */
  readonly trainer: Pick<Trainer, 'step' | 'flush'>;
  /** The optimiser and its learning rate ({@link createOptimizer}). */
  readonly optimizer: ScheduledOptimizer;
  /** The training digits (28x28); a run trains on the first `train.count`. */
  readonly train: DatasetSplit;
  /** The epochs of the whole run (the schedule runs over them). */
  readonly epochs: number;
  /** Images per update; the last batch of an epoch takes the rest. */
  readonly batchSize: number;
  /** Fixes the order of every epoch (and the distortions). */
  readonly seed: number;
  /** The rate at the first step (SDLM follows its own per-pass schedule instead). */
  readonly learningRate: number;
  /** How the rate changes over the run. */
  readonly schedule: ScheduleName;
  /**
   * Train on the paper's enlarged set: each epoch draws `train.count` patterns from a fixed pool
   * of the originals and 9 randomly distorted copies of each (see `poolItemsOfEpoch`).
   */
  readonly distortions: boolean;
}

/** A run's plan: its options, the batches per epoch, and the training digits placed once. */
export interface TrainingPlan extends TrainingPlanOptions {
  /** Batches per epoch. */
  readonly batches: number;
  /**
   * The training digits already placed as the model reads them, so that a run pads or
   * down-samples them once, not once per batch; undefined with distortions, whose patterns are
   * drawn and placed batch by batch.
   */
  readonly placed: LabeledImages | undefined;
}

/** The number of batches in an epoch of `count` images. */
export function batchesPerEpoch(count: number, batchSize: number): number {
  return Math.ceil(count / batchSize);
}

function checkWhole(option: string, value: number): void {
  if (!Number.isInteger(value) || value < 1)
    throw new ModelOptionError('createTrainingPlan', option, 'a positive integer', String(value));
}

/**
 * Plans a training run for {@link trainEpoch}: checks the counts and places the training
 * digits once (unless distortions draw new ones each batch). The CLI and the web page make
 * their runs with it, so the same options give the same batches in both.
 *
 * @param options - The model kind, trainer, optimiser, data and schedule.
 * @throws {@link ModelOptionError} when `epochs`, `batchSize` or `train.count` is not a positive integer.
 * @example
 * ```ts
 * const plan = createTrainingPlan({ kind, trainer, optimizer: createOptimizer('adam', 0.002), train, epochs: 2, batchSize: 32, seed: 1, learningRate: 0.002, schedule: 'cosine', distortions: false });
 * for (let epoch = 0; epoch < plan.epochs; epoch += 1) await trainEpoch(plan, epoch);
 * ```
 */
export function createTrainingPlan(options: TrainingPlanOptions): TrainingPlan {
  checkWhole('epochs', options.epochs);
  checkWhole('batchSize', options.batchSize);
  checkWhole('train.count', options.train.count);
  const { train } = options;
  const placed = options.distortions
    ? undefined
    : { ...placeDigits(train, options.kind.input), labels: train.labels.subarray(0, train.count) };
  return { ...options, batches: batchesPerEpoch(train.count, options.batchSize), placed };
}

/**
 * The order in which an epoch visits the training items: a shuffle of the digits fixed by the
 * seed and the epoch, or with distortions the epoch's items of the distorted pool.
 *
 * @param plan - The digits, the seed and whether distortions are on.
 * @param epoch - The epoch, from 0.
 */
export function epochOrder(
  plan: Pick<TrainingPlan, 'train' | 'seed' | 'distortions'>,
  epoch: number,
): Uint32Array {
  const { count } = plan.train;
  return plan.distortions
    ? poolItemsOfEpoch(count, plan.seed, epoch)
    : shuffledIndices(count, createRandom(mixSeed(plan.seed, epoch)));
}

/**
 * The learning rate of batch `batch` (from 0) of epoch `epoch` (from 0): the optimiser's own
 * rate for the pass when it has one (SDLM), else the plan's schedule at that point of the run.
 */
export function learningRateOfBatch(
  plan: Pick<TrainingPlan, 'optimizer' | 'schedule' | 'learningRate' | 'batches' | 'epochs'>,
  epoch: number,
  batch: number,
): number {
  return (
    plan.optimizer.passRate?.(epoch + 1) ??
    learningRateAt(plan.schedule, plan.learningRate, (epoch + batch / plan.batches) / plan.epochs)
  );
}
