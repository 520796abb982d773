import { describe, expect, it } from 'vitest';
import { ModelOptionError } from '../model-option-error.js';
import type { ScheduledOptimizer } from './create-optimizer.js';
import { learningRateAt } from './learning-rate-schedule.js';
import { findModelRecipe, type ModelRecipe } from './model-catalogue.js';
import {
  batchesPerEpoch,
  createTrainingPlan,
  epochOrder,
  learningRateOfBatch,
} from './training-plan.js';

const digits = (count: number) => ({
  images: new Uint8Array(count * 784),
  labels: new Uint8Array(count),
  count,
  height: 28,
  width: 28,
});
const optimizer: ScheduledOptimizer = {
  optimizer: undefined as never,
  setLearningRate: () => undefined,
  startPass: () => undefined,
};
const trainer = { step: () => Promise.resolve({ loss: 0, correct: 0 }), flush: () => undefined };
const options = {
  kind: findModelRecipe('lenet5') as ModelRecipe,
  trainer,
  optimizer,
  train: digits(10),
  epochs: 4,
  batchSize: 3,
  seed: 1,
  learningRate: 0.1,
  schedule: 'cosine',
  distortions: false,
} as const;

describe('a training plan', () => {
  it('visits every digit once an epoch, in an order fixed by the seed and the epoch', () => {
    const train = digits(50);
    const order = (seed: number, epoch: number) =>
      Array.from(epochOrder({ train, seed, distortions: false }, epoch));
    expect(
      order(1, 0)
        .slice()
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 50 }, (_, index) => index));
    expect(order(1, 0)).toEqual(order(1, 0));
    expect(order(1, 1)).not.toEqual(order(1, 0));
    expect(order(2, 0)).not.toEqual(order(1, 0));
  });

  it('places the digits once, as the model reads them, and counts the batches with a short last one', () => {
    const plan = createTrainingPlan(options);
    expect(plan.batches).toBe(4);
    expect(batchesPerEpoch(9, 3)).toBe(3);
    expect([plan.placed?.count, plan.placed?.width, plan.placed?.labels.length]).toEqual([
      10, 32, 10,
    ]);
    expect(createTrainingPlan({ ...options, distortions: true }).placed).toBeUndefined();
  });

  it("runs the schedule over the whole run's batches, unless the optimiser has a rate per pass", () => {
    const plan = createTrainingPlan(options);
    expect(learningRateOfBatch(plan, 0, 0)).toBe(0.1);
    expect(learningRateOfBatch(plan, 2, 0)).toBeCloseTo(learningRateAt('cosine', 0.1, 0.5), 12);
    expect(learningRateOfBatch(plan, 1, 2)).toBeCloseTo(
      learningRateAt('cosine', 0.1, (1 + 2 / 4) / 4),
      12,
    );
    const sdlm = createTrainingPlan({
      ...options,
      optimizer: { ...optimizer, passRate: (pass) => pass / 1000 },
    });
    expect(learningRateOfBatch(sdlm, 2, 3)).toBe(0.003);
  });

  it('refuses epochs, batch sizes and training sets that are not positive whole numbers', () => {
    expect(() => createTrainingPlan({ ...options, epochs: Number.NaN })).toThrow(ModelOptionError);
    expect(() => createTrainingPlan({ ...options, batchSize: 0 })).toThrow(/batchSize/);
    expect(() => createTrainingPlan({ ...options, train: digits(0) })).toThrow(/train\.count/);
  });
});
