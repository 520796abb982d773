import * as tf from '@tensorflow/tfjs';
import { setupBackend } from '@lenet/core';
import type { DatasetSplit } from '@lenet/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDataParallelTrainer } from '../node/data-parallel-trainer.js';
import { poisonedAdamState, resumableAdamName } from '../test-support/adam-state.js';
import { loadMnistSubset } from '../test-support/mnist-subset.js';
import { createTrainer, type Trainer } from '../training/create-trainer.js';
import { readTrainableWeights } from '../training/flat-weights.js';
import { NonFiniteTrainingError } from '../training/non-finite-training-error.js';
import { criterionFor } from '../training/training-criterion.js';
import { createOptimizer, type ScheduledOptimizer } from './create-optimizer.js';
import { findModelRecipe, type ModelRecipe } from './model-catalogue.js';
import { trainEpoch } from './train-epoch.js';
import { createTrainingPlan } from './training-plan.js';

let train: DatasetSplit;
const recipe = findModelRecipe('lenet5-modern') as ModelRecipe;
const criterion = criterionFor('map', recipe.output);

beforeAll(async () => {
  await setupBackend();
  ({ train } = await loadMnistSubset(320, 0));
});

const trainers: [string, (model: tf.LayersModel) => Promise<Trainer>][] = [
  ['the LeNet engine', (model) => createTrainer(model, { criterion })],
  ['tfjs', (model) => createTrainer(model, { criterion, kernels: 'tfjs' })],
  ['two threads', (model) => createDataParallelTrainer(model, { criterion, threads: 2 })],
  [
    'two threads on tfjs',
    (model) => createDataParallelTrainer(model, { criterion, threads: 2, kernels: 'tfjs' }),
  ],
];

/**
 * Epoch 0 of a fresh LeNet-5 (modern) with `optimizer` at a constant `learningRate`: what it
 * threw, the weights before the first batch and after each batch it completed, and the weights
 * the model holds at the end.
 */
async function firstEpoch(
  makeTrainer: (model: tf.LayersModel) => Promise<Trainer>,
  optimizer: ScheduledOptimizer,
  learningRate: number,
) {
  const model = recipe.create(1);
  const trainer = await makeTrainer(model);
  const plan = createTrainingPlan({
    ...{ kind: recipe, trainer, optimizer, train, epochs: 1, batchSize: 32, seed: 1 },
    ...{ learningRate, schedule: 'constant', distortions: false },
  });
  const weights = [readTrainableWeights(model)];
  const error: unknown = await trainEpoch(plan, 0, {
    onBatch: () => {
      trainer.flush();
      weights.push(readTrainableWeights(model));
    },
  }).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  const final = readTrainableWeights(model);
  await trainer.dispose();
  model.dispose();
  if (!NonFiniteTrainingError.isInstance(error))
    throw new Error(`expected a NonFiniteTrainingError, got ${String(error)}`);
  return { error, weights, final };
}

describe('training that is not finite', () => {
  it.each(trainers)(
    'stops SGD at 1e3 at the first step whose loss is not finite, on %s, with the weights before that step',
    async (_, makeTrainer) => {
      const optimizer = createOptimizer('sgd', 1e3);
      const { error, weights, final } = await firstEpoch(makeTrainer, optimizer, 1e3);
      expect([error.epoch, error.batch, error.quantity]).toEqual([0, 4, 'loss']);
      expect(error.message).toMatch(
        /^Training stopped at epoch 1, batch 5 \(both counted from 1\): the loss is NaN\. The weights were NOT updated by that step\. .*lower learning rate/,
      );
      expect(weights).toHaveLength(5);
      expect(final).toEqual(weights[4]);
      expect(optimizer.optimizer.iterations).toBe(4);
      optimizer.optimizer.dispose();
    },
    60_000,
  );

  it.each(trainers.slice(0, 2))(
    "catches a NaN in Adam's restored moments at the first step, on %s, updating nothing",
    async (_, makeTrainer) => {
      const optimizer = createOptimizer('adam', 0.002);
      const model = recipe.create(1);
      const state = poisonedAdamState(model, 'C3/kernel', 5, Number.NaN, resumableAdamName);
      model.dispose();
      await optimizer.optimizer.setWeights(state);
      tf.dispose(state.map(({ tensor }) => tensor));
      const { error, weights, final } = await firstEpoch(makeTrainer, optimizer, 0.002);
      expect([error.epoch, error.batch, error.quantity, error.weight]).toEqual([
        0,
        0,
        'optimizer-state',
        'C3/kernel',
      ]);
      expect(error.message).toMatch(
        /^Training stopped at epoch 1, batch 1 .*: the optimiser's state for C3\/kernel holds NaN\. The weights were NOT updated/,
      );
      expect(final).toEqual(weights[0]);
      expect(optimizer.optimizer.iterations).toBe(3);
      optimizer.optimizer.dispose();
    },
  );

  it("stops a pass whose re-estimated curvature (SDLM's h_kk) is not finite, before its first step", async () => {
    // An optimiser that, as SDLM does, estimates a curvature before each pass: here a spoilt one.
    const spread = { min: 0.01, median: 0.1, max: 1 };
    const layer = { layer: 'C1', weights: 156, curvature: spread, rate: spread };
    const spoilt: ScheduledOptimizer = {
      ...createOptimizer('sgd', 0.01),
      startPass: () => ({
        ...{
          patterns: 500,
          weights: 156,
          smallest: 0.01,
          largest: Number.NaN,
          eta: 0.0005,
          mu: 0.02,
        },
        layers: [{ ...layer, curvature: { ...spread, max: Number.NaN } }],
      }),
    };
    const { error, weights, final } = await firstEpoch(trainers[1]![1], spoilt, 0.01);
    expect([error.epoch, error.batch, error.quantity]).toEqual([0, 0, 'optimizer-state']);
    expect(error.weight).toBe('C1 (its curvature h_kk)');
    expect(error.message).toContain("the optimiser's state for C1 (its curvature h_kk) holds NaN");
    expect(weights).toHaveLength(1);
    expect(final).toEqual(weights[0]);
  });
});
