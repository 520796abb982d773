import * as tf from '@tensorflow/tfjs';
import { setupBackend } from '@lenet/core';
import { loadMnist, padImages, paperScale } from '@lenet/data';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { lenet5, lenet5Modern } from '../lenet5.js';
import { createDataParallelTrainer } from '../node/data-parallel-trainer.js';
import type { TrainingBatch } from './batch-gradients.js';
import { createTrainer, type Trainer } from './create-trainer.js';
import { readTrainableWeights } from './flat-weights.js';
import { ResumableAdam } from './resumable-adam.js';

let batches: TrainingBatch[];

beforeAll(async () => {
  const folder = process.env['LENET_TEST_MNIST_DIR'];
  if (folder === undefined || folder === '')
    throw new Error(
      'LENET_TEST_MNIST_DIR is not set: point it at the folder holding the four MNIST .gz files.',
    );
  await setupBackend({ backends: ['wasm'] });
  const { train } = await loadMnist({ folder });
  const size = 16;
  const pixels = paperScale(
    padImages({ ...train, count: 6 * size, images: train.images.subarray(0, 6 * size * 28 * 28) })
      .images,
  );
  batches = Array.from({ length: 6 }, (_, index) => ({
    pixels: pixels.slice(index * size * 1024, (index + 1) * size * 1024),
    size: 32,
    labels: train.labels.slice(index * size, (index + 1) * size),
  }));
});

// Subclasses that change nothing: the engine does not know them, so they update through tfjs.
class TfjsSgd extends tf.SGDOptimizer {}
class TfjsMomentum extends tf.MomentumOptimizer {}
class TfjsAdam extends tf.AdamOptimizer {}
class TfjsResumableAdam extends ResumableAdam {}

interface Case {
  readonly name: string;
  /** The optimiser the engine updates with, and the same one through tfjs. */
  readonly pair: () => [tf.Optimizer, tf.Optimizer];
}

const cases: Case[] = [
  { name: 'SGD', pair: () => [tf.train.sgd(0.01), new TfjsSgd(0.01)] },
  { name: 'momentum', pair: () => [tf.train.momentum(0.005, 0.9), new TfjsMomentum(0.005, 0.9)] },
  {
    name: 'Nesterov momentum',
    pair: () => [tf.train.momentum(0.005, 0.8, true), new TfjsMomentum(0.005, 0.8, true)],
  },
  { name: "tfjs's Adam", pair: () => [tf.train.adam(0.001), new TfjsAdam(0.001, 0.9, 0.999)] },
  { name: 'ResumableAdam', pair: () => [new ResumableAdam(0.001), new TfjsResumableAdam(0.001)] },
];

const copy = (batch: TrainingBatch): TrainingBatch => ({
  ...batch,
  pixels: batch.pixels.slice(),
  labels: batch.labels.slice(),
});

/** The optimiser's saved state, as plain numbers, named without the suffix tfjs gives a second model's weights (`C1/kernel_1`). */
async function savedState(optimizer: tf.Optimizer): Promise<{ name: string; values: number[] }[]> {
  const weights = await optimizer.getWeights();
  return weights.map(({ name, tensor }) => ({
    name: name.replace(/_\d+\//, '/'),
    values: Array.from(tensor.dataSync()),
  }));
}

/** Six steps with a flush after the third (the state goes through the optimiser's variables and back), then the model's weights and the optimiser's state. */
async function run(
  trainer: Trainer,
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  setRate?: (rate: number) => void,
): Promise<{
  losses: number[];
  weights: Float32Array;
  state: { name: string; values: number[] }[];
}> {
  const losses: number[] = [];
  for (const [index, batch] of batches.entries()) {
    if (index === 4) setRate?.(0.0007);
    losses.push((await trainer.step(optimizer, copy(batch))).loss);
    if (index === 2) trainer.flush();
  }
  trainer.flush();
  return { losses, weights: readTrainableWeights(model), state: await savedState(optimizer) };
}

describe.each([
  { trainers: 'createTrainer', threads: 1 },
  { trainers: 'createDataParallelTrainer in two threads', threads: 2 },
])('the engine makes the optimiser updates itself in $trainers', ({ threads }) => {
  it.each(cases)(
    '$name: bit for bit the weights, losses and optimiser state of the tfjs update',
    async ({ pair }) => {
      const outcomes = [];
      for (const [index, optimizer] of pair().entries()) {
        const applied = vi.spyOn(optimizer, 'applyGradients');
        const model = lenet5({ seed: 3 });
        const trainer =
          threads === 1
            ? await createTrainer(model, { criterion: 'map' })
            : await createDataParallelTrainer(model, { criterion: 'map', threads });
        const setRate =
          'setLearningRate' in optimizer && typeof optimizer.setLearningRate === 'function'
            ? (rate: number) => {
                (optimizer as tf.SGDOptimizer).setLearningRate(rate);
              }
            : undefined;
        outcomes.push(await run(trainer, model, optimizer, setRate));
        expect(optimizer.iterations).toBe(batches.length);
        // The engine made the first optimiser's updates; tfjs made the second's.
        expect(applied).toHaveBeenCalledTimes(index === 0 ? 0 : batches.length);
        await trainer.dispose();
        optimizer.dispose();
        model.dispose();
      }
      const [engine, reference] = outcomes;
      expect(engine?.losses).toEqual(reference?.losses);
      expect(engine?.weights).toEqual(reference?.weights);
      expect(engine?.state).toEqual(reference?.state);
      expect(reference?.state.length).toBeGreaterThan(0);
    },
  );
});

describe('the engine-held optimiser', () => {
  it('hands over to tfjs and back when the trainer switches optimisers, and leaves unknown optimisers to tfjs', async () => {
    const results: Float32Array[] = [];
    for (const [adam, rmsprop] of [
      [tf.train.adam(0.001), tf.train.rmsprop(0.001)],
      [new TfjsAdam(0.001, 0.9, 0.999), tf.train.rmsprop(0.001)],
    ] as const) {
      const model = lenet5Modern({ seed: 5 });
      const trainer = await createTrainer(model, { criterion: 'cross-entropy' });
      for (const [index, batch] of batches.entries())
        await trainer.step(index % 3 === 2 ? rmsprop : adam, copy(batch));
      trainer.flush();
      results.push(readTrainableWeights(model));
      await trainer.dispose();
      model.dispose();
    }
    expect(results[0]).toEqual(results[1]);
  });
});
