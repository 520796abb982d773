import * as tf from '@tensorflow/tfjs';
import { setupBackend } from '@lenet/core';
import type { DatasetSplit } from '@lenet/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDataParallelTrainer } from '../node/data-parallel-trainer.js';
import { loadMnistSubset } from '../test-support/mnist-subset.js';
import { createTrainer, type Trainer } from '../training/create-trainer.js';
import { criterionFor } from '../training/training-criterion.js';
import { createOptimizer, defaultLearningRate } from './create-optimizer.js';
import { findModelRecipe, type ModelRecipe } from './model-catalogue.js';
import { trainEpoch, type BatchProgress, type EpochHooks } from './train-epoch.js';
import { TRAINING_DEFAULTS } from './training-defaults.js';
import { createTrainingPlan, epochOrder } from './training-plan.js';

let train: DatasetSplit;
const images = 320;
const settings = {
  ...TRAINING_DEFAULTS,
  epochs: 2,
  learningRate: defaultLearningRate(TRAINING_DEFAULTS.optimizer),
};

beforeAll(async () => {
  await setupBackend();
  ({ train } = await loadMnistSubset(images, 0));
});

/** One epoch of a fresh model of `recipe`, with the trainer and the hooks a caller gives; the batches it trained and the weights it ended with. */
async function firstEpoch(
  recipe: ModelRecipe,
  makeTrainer: (model: tf.LayersModel) => Promise<Trainer>,
  hooks: (trainer: Trainer, batches: BatchProgress[]) => EpochHooks,
) {
  const model = recipe.create(settings.seed, settings.initialisation);
  const initial = tf.tidy(() => model.getWeights().map((weight) => Array.from(weight.dataSync())));
  const optimizer = createOptimizer(settings.optimizer, settings.learningRate, {
    batchSize: settings.batchSize,
    model,
  });
  const trainer = await makeTrainer(model);
  const plan = createTrainingPlan({
    kind: recipe,
    trainer,
    optimizer,
    train,
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    seed: settings.seed,
    learningRate: settings.learningRate,
    schedule: settings.schedule,
    distortions: false,
  });
  const batches: BatchProgress[] = [];
  const outcome = await trainEpoch(plan, 0, hooks(trainer, batches));
  await trainer.dispose();
  optimizer.optimizer.dispose();
  const weights = tf.tidy(() => model.getWeights().map((weight) => Array.from(weight.dataSync())));
  model.dispose();
  return { outcome, batches, initial, weights };
}

describe('trainEpoch', () => {
  it.each(['lenet1', 'lenet5'])(
    'trains %s on the same batches with the same losses the way lenet train calls it (threads 1) and the way the web page does (pausing)',
    async (name) => {
      const recipe = findModelRecipe(name) as ModelRecipe;
      const criterion = criterionFor(settings.loss, recipe.output);
      // lenet train: a data-parallel trainer in one thread, Ctrl-C asked after every batch.
      const command = await firstEpoch(
        recipe,
        (model) =>
          createDataParallelTrainer(model, { criterion, threads: 1, kernels: settings.kernels }),
        (_, batches) => ({
          onBatch: (progress) => batches.push(progress),
          shouldStop: () => false,
        }),
      );
      // The page: a trainer in the calling thread, paused after the second batch (the weights written into the model meanwhile).
      const page = await firstEpoch(
        recipe,
        (model) => createTrainer(model, { criterion }),
        (trainer, batches) => ({
          onBatch: (progress) => batches.push(progress),
          betweenBatches: async () => {
            if (batches.length !== 2) return;
            trainer.flush();
            await new Promise((resolve) => setTimeout(resolve, 20));
          },
        }),
      );
      expect(command.batches).toHaveLength(images / settings.batchSize);
      expect(page.batches.map((batch) => batch.indices)).toEqual(
        command.batches.map((batch) => batch.indices),
      );
      expect(command.batches.flatMap((batch) => batch.indices)).toEqual(
        Array.from(epochOrder({ train, seed: settings.seed, distortions: false }, 0)),
      );
      expect(page.batches.map((batch) => batch.learningRate)).toEqual(
        command.batches.map((batch) => batch.learningRate),
      );
      expect(page.batches.map((batch) => batch.loss)).toEqual(
        command.batches.map((batch) => batch.loss),
      );
      expect(page.batches.map((batch) => batch.correct)).toEqual(
        command.batches.map((batch) => batch.correct),
      );
      expect(page.weights).toEqual(command.weights);
      expect(command.outcome).toEqual({ completed: true, nextBatch: 10, stopRequested: false });
      expect(command.weights).not.toEqual(command.initial);
    },
    120_000,
  );

  it('stops where asked and, resumed at that batch, trains the batches it had not', async () => {
    const recipe = findModelRecipe('lenet1') as ModelRecipe;
    const model = recipe.create(2);
    const optimizer = createOptimizer('sgd', 0.01);
    const trainer = await createTrainer(model, { criterion: 'cross-entropy' });
    const plan = createTrainingPlan({
      kind: recipe,
      trainer,
      optimizer,
      train,
      epochs: 1,
      batchSize: 100,
      seed: 2,
      learningRate: 0.01,
      schedule: 'step',
      distortions: false,
    });
    const seen: number[] = [];
    const stopped = await trainEpoch(plan, 0, {
      onBatch: ({ batch }) => seen.push(batch),
      shouldStop: () => seen.length === 2,
    });
    expect(stopped).toEqual({ completed: false, nextBatch: 2, stopRequested: true });
    const resumed = await trainEpoch(plan, 0, {
      startBatch: stopped.nextBatch,
      onBatch: ({ batch, count, images: done }) =>
        seen.push(batch * 1000 + count * 10 + (done === images ? 1 : 0)),
    });
    expect(resumed.completed).toBe(true);
    expect(seen).toEqual([0, 1, 2000 + 1000, 3000 + 200 + 1]);
    await trainer.dispose();
    optimizer.optimizer.dispose();
    model.dispose();
  });
});
