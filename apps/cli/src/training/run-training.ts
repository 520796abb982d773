import type * as tf from '@tensorflow/tfjs';
import type { Dataset } from '@lenet/data';
import {
  createDataParallelTrainer,
  createOptimizer,
  createTrainingPlan,
  criterionFor,
  evaluateModel,
  findModelRecipe,
  learningRateOfBatch,
  MODEL_FILE,
  NonFiniteTrainingError,
  saveModel,
  WEIGHTS_FILE,
  writeFolderManifest,
  trainEpoch,
  type BatchProgress,
  type DataParallelTrainer,
  type Evaluation,
  type ModelRecipe,
  type ScheduledOptimizer,
} from '@lenet/models';
import { join } from 'node:path';
import { writeFileAtomic } from '@lenet/common/node';
import { CheckpointError } from '../errors/checkpoint-error.js';
import { TRAINING_RECORD_FILE } from './open-model.js';
import { loadCheckpoint, saveCheckpoint, type CheckpointState } from './checkpoint.js';
import { divergedRun } from './diverged-run.js';
import type { PreparedRunFolder } from './prepare-run-folder.js';
import { checkResumable } from './resume-checks.js';
import { appendLogRecord, type CurvatureRecord, type EpochRecord } from './run-log.js';
import type { RESUME_LOCKED_FLAGS, TrainSettings } from './train-settings.js';

/** Running totals of the epoch in progress, saved so a resumed epoch reports the same. */
interface EpochTotals {
  lossSum: number;
  correct: number;
  seen: number;
  batches: number;
}

type RunState = CheckpointState<TrainSettings, EpochRecord, EpochTotals>;

/** What the caller hears while a run trains. */
export interface TrainingEvents {
  onStart?(info: {
    settings: TrainSettings;
    recipe: ModelRecipe;
    trainer: DataParallelTrainer;
    resumedAt?: { epoch: number; batch: number };
  }): void;
  onBatch?(
    progress: BatchProgress,
    totals: {
      loss: number;
      accuracy: number;
      elapsedSeconds: number;
      epochImagesPerSecond: number;
    },
  ): void;
  onEpoch?(record: EpochRecord): void;
  /** SDLM: the curvature estimated before a pass. */
  onCurvature?(record: CurvatureRecord): void;
  /** A one-line notice (a checkpoint that resumes unverified). */
  onNotice?(notice: string): void;
}

/** How a run ended. */
export interface TrainingOutcome {
  readonly status: 'completed' | 'interrupted';
  readonly settings: TrainSettings;
  readonly history: readonly EpochRecord[];
  readonly elapsedSeconds: number;
  readonly model: tf.LayersModel;
  readonly recipe: ModelRecipe;
  /** The last test evaluation (after the final epoch when completed). */
  readonly evaluation?: Evaluation;
}

/** A new run's settings, or `--resume` with the flags the user set explicitly. */
export interface TrainingRequest {
  readonly folder: PreparedRunFolder;
  readonly dataset: Dataset;
  readonly settings: TrainSettings;
  readonly resume: boolean;
  readonly explicitSettings: ReadonlySet<keyof typeof RESUME_LOCKED_FLAGS>;
  readonly shouldStop: () => boolean;
  readonly events?: TrainingEvents;
}

/**
 * Trains (or resumes) a run: an epoch at a time, testing after each, writing a checkpoint after
 * each and when stopped, logging every epoch as a JSON line. A stopped run resumes exactly. A
 * start that fails before its first checkpoint leaves nothing in the run folder.
 */
export async function runTraining(request: TrainingRequest): Promise<TrainingOutcome> {
  try {
    return await trainFromStart(request);
  } catch (error) {
    await request.folder.abandonIfUnstarted();
    if (NonFiniteTrainingError.isInstance(error)) throw await divergedRun(request, error);
    throw error;
  }
}

async function trainFromStart(request: TrainingRequest): Promise<TrainingOutcome> {
  const start = await startingPoint(request);
  const { settings, model, recipe } = start;
  const trainer = await createDataParallelTrainer(model, {
    criterion: criterionFor(settings.loss, recipe.output),
    threads: settings.threads ?? 1,
    kernels: settings.kernels ?? 'tfjs',
  });
  try {
    return await trainRun(request, start, trainer);
  } finally {
    await trainer.dispose();
  }
}

async function trainRun(
  request: TrainingRequest,
  start: StartingPoint,
  trainer: DataParallelTrainer,
): Promise<TrainingOutcome> {
  const { settings, model, optimizer, recipe } = start;
  let { history, elapsedSeconds } = start.state;
  let partial = start.state.partial;
  const train = {
    ...request.dataset.train,
    count: Math.min(request.dataset.train.count, settings.trainLimit ?? Number.POSITIVE_INFINITY),
  };
  const { epochs, batchSize, seed, learningRate, schedule, distortions } = settings;
  const plan = createTrainingPlan({
    kind: recipe,
    trainer,
    optimizer,
    train,
    epochs,
    batchSize,
    seed,
    learningRate,
    schedule,
    distortions,
  });
  if (start.state.nextBatch >= plan.batches)
    throw new CheckpointError(
      request.folder.checkpoint,
      `The checkpoint continues at batch ${String(start.state.nextBatch)} of an epoch of ${String(plan.batches)} batches: its state was edited or belongs to another run. Restore the run folder from a copy, or start a new run.`,
    );
  request.events?.onStart?.({
    settings,
    recipe,
    trainer,
    ...(request.resume
      ? { resumedAt: { epoch: start.state.nextEpoch, batch: start.state.nextBatch } }
      : {}),
  });
  let evaluation: Evaluation | undefined;
  for (let epoch = start.state.nextEpoch; epoch < settings.epochs; epoch += 1) {
    const firstBatch = epoch === start.state.nextEpoch ? start.state.nextBatch : 0;
    const totals: EpochTotals = partial ?? { lossSum: 0, correct: 0, seen: 0, batches: 0 };
    partial = undefined;
    const epochStart = performance.now();
    const elapsedBefore = elapsedSeconds;
    let imagesThisSession = 0;
    const outcome = await trainEpoch(plan, epoch, {
      startBatch: firstBatch,
      shouldStop: request.shouldStop,
      onCurvature: async (summary) => {
        const curvatureRecord: CurvatureRecord = { type: 'curvature', pass: epoch + 1, ...summary };
        await appendLogRecord(request.folder.log, curvatureRecord);
        request.events?.onCurvature?.(curvatureRecord);
      },
      onBatch: (progress) => {
        totals.lossSum += progress.loss;
        totals.correct += progress.correct;
        totals.seen += progress.count;
        totals.batches += 1;
        imagesThisSession += progress.count;
        const seconds = (performance.now() - epochStart) / 1000;
        elapsedSeconds = elapsedBefore + seconds;
        request.events?.onBatch?.(progress, {
          loss: totals.lossSum / totals.batches,
          accuracy: totals.correct / totals.seen,
          elapsedSeconds,
          epochImagesPerSecond: imagesThisSession / seconds,
        });
      },
    });
    if (!outcome.completed) {
      await saveCheckpoint(request.folder.checkpoint, model, optimizer.optimizer, {
        nextEpoch: epoch,
        nextBatch: outcome.nextBatch,
        settings,
        history,
        elapsedSeconds,
        partial: totals,
      } satisfies RunState);
      return { status: 'interrupted', settings, history, elapsedSeconds, model, recipe };
    }
    evaluation = await evaluateModel(model, recipe, request.dataset.test);
    elapsedSeconds = elapsedBefore + (performance.now() - epochStart) / 1000;
    const record: EpochRecord = {
      type: 'epoch',
      epoch: epoch + 1,
      trainLoss: totals.lossSum / totals.batches,
      trainError: 1 - totals.correct / totals.seen,
      testError: evaluation.errorRate,
      learningRate: learningRateOfBatch(plan, epoch, 0),
      seconds:
        elapsedSeconds -
        (history.length > 0 ? history.reduce((sum, item) => sum + item.seconds, 0) : 0),
      imagesPerSecond: imagesThisSession / ((performance.now() - epochStart) / 1000),
      ...(outcome.curvature === undefined
        ? {}
        : {
            curvature: { smallest: outcome.curvature.smallest, largest: outcome.curvature.largest },
          }),
    };
    history = [...history, record];
    await appendLogRecord(request.folder.log, record);
    await saveCheckpoint(request.folder.checkpoint, model, optimizer.optimizer, {
      nextEpoch: epoch + 1,
      nextBatch: 0,
      settings,
      history,
      elapsedSeconds,
    });
    request.events?.onEpoch?.(record);
    if (outcome.stopRequested && epoch + 1 < settings.epochs)
      return {
        status: 'interrupted',
        settings,
        history,
        elapsedSeconds,
        model,
        recipe,
        evaluation,
      };
  }
  await saveModel(model, request.folder.model);
  await writeFileAtomic(
    join(request.folder.model, TRAINING_RECORD_FILE),
    `${JSON.stringify({ model: settings.model, dataset: settings.dataset }, null, 2)}\n`,
  );
  await writeFolderManifest(request.folder.model, [MODEL_FILE, WEIGHTS_FILE, TRAINING_RECORD_FILE]);
  return {
    status: 'completed',
    settings,
    history,
    elapsedSeconds,
    model,
    recipe,
    evaluation: evaluation ?? (await evaluateModel(model, recipe, request.dataset.test)),
  };
}

interface StartingPoint {
  settings: TrainSettings;
  recipe: ModelRecipe;
  model: tf.LayersModel;
  optimizer: ScheduledOptimizer;
  state: RunState;
}

async function startingPoint(request: TrainingRequest): Promise<StartingPoint> {
  if (!request.resume) {
    const recipe = recipeFor(request.settings.model);
    const fresh: RunState = {
      nextEpoch: 0,
      nextBatch: 0,
      settings: request.settings,
      history: [],
      elapsedSeconds: 0,
    };
    await appendLogRecord(request.folder.log, {
      type: 'start',
      settings: request.settings,
      files: request.dataset.files,
    });
    const model = recipe.create(
      request.settings.seed,
      request.settings.initialisation,
      request.dataset.classes,
    );
    return {
      settings: request.settings,
      recipe,
      model,
      optimizer: optimizerFor(request.settings, model),
      state: fresh,
    };
  }
  const loaded = await loadCheckpoint(request.folder.checkpoint, (notice) =>
    request.events?.onNotice?.(notice),
  );
  const state = loaded.state as RunState;
  checkResumable(request, state.settings);
  const optimizer = optimizerFor(state.settings, loaded.model);
  await optimizer.optimizer.setWeights(loaded.optimizerWeights);
  await appendLogRecord(request.folder.log, {
    type: 'resume',
    epoch: state.nextEpoch,
    batch: state.nextBatch,
  });
  return {
    settings: state.settings,
    recipe: recipeFor(state.settings.model),
    model: loaded.model,
    optimizer,
    state,
  };
}

function optimizerFor(settings: TrainSettings, model: tf.LayersModel): ScheduledOptimizer {
  return createOptimizer(settings.optimizer, settings.learningRate, {
    batchSize: settings.batchSize,
    model,
    ...(settings.sdlmMu === undefined ? {} : { mu: settings.sdlmMu }),
    ...(settings.sdlmCurvature === undefined ? {} : { curvature: settings.sdlmCurvature }),
  });
}

function recipeFor(name: string): ModelRecipe {
  const recipe = findModelRecipe(name);
  if (recipe === undefined)
    throw new CheckpointError(
      name,
      `The checkpoint names an unknown model "${name}". It was written by another version of lenet: start a new run.`,
    );
  return recipe;
}
