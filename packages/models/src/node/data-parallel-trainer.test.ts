import * as tf from '@tensorflow/tfjs';
import { createSdlm, setupBackend } from '@lenet/core';
import { loadMnist, padImages, paperScale, type DatasetSplit } from '@lenet/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { lenet5 } from '../lenet5.js';
import { ModelOptionError } from '../model-option-error.js';
import type { TrainingBatch } from '../training/batch-gradients.js';
import { readTrainableWeights } from '../training/flat-weights.js';
import { createDataParallelTrainer, shareSizes } from './data-parallel-trainer.js';
import { TrainingWorkerError } from './training-worker-error.js';

let batches: TrainingBatch[];

/** `count` batches of `size` real MNIST training digits, padded to 32x32 and scaled as in the paper. */
function mnistBatches(train: DatasetSplit, count: number, size: number): TrainingBatch[] {
  const pixels = paperScale(
    padImages({
      ...train,
      count: count * size,
      images: train.images.subarray(0, count * size * 28 * 28),
    }).images,
  );
  return Array.from({ length: count }, (_, index) => ({
    pixels: pixels.slice(index * size * 1024, (index + 1) * size * 1024),
    size: 32,
    labels: train.labels.slice(index * size, (index + 1) * size),
  }));
}

beforeAll(async () => {
  const folder = process.env['LENET_TEST_MNIST_DIR'];
  if (folder === undefined || folder === '')
    throw new Error(
      'LENET_TEST_MNIST_DIR is not set: point it at the folder holding the four MNIST .gz files.',
    );
  await setupBackend({ backends: ['wasm'] });
  batches = mnistBatches((await loadMnist({ folder })).train, 12, 20);
});

/** The loss before each of the steps of a seeded LeNet-5 run with plain SGD. */
async function lossCurve(options: {
  threads: number;
  kernels: 'lenet' | 'tfjs';
}): Promise<number[]> {
  const model = lenet5({ seed: 7 });
  const trainer = await createDataParallelTrainer(model, { criterion: 'map', ...options });
  const optimizer = tf.train.sgd(0.002);
  const losses: number[] = [];
  try {
    for (const batch of batches)
      losses.push(
        (
          await trainer.step(optimizer, {
            ...batch,
            pixels: batch.pixels.slice(),
            labels: batch.labels.slice(),
          })
        ).loss,
      );
  } finally {
    await trainer.dispose();
    optimizer.dispose();
    model.dispose();
  }
  return losses;
}

describe('createDataParallelTrainer', () => {
  it('gives the loss curve of tfjs on the cpu reference with the LeNet engine, to 1e-3, in one thread or two', async () => {
    const reference = await lossCurve({ threads: 1, kernels: 'tfjs' });
    const engine = await lossCurve({ threads: 1, kernels: 'lenet' });
    const parallel = await lossCurve({ threads: 2, kernels: 'lenet' });
    expect(reference.at(-1)).toBeLessThan(0.8 * (reference[0] ?? 0));
    reference.forEach((loss, step) => {
      expect(Math.abs((engine[step] ?? 0) - loss) / loss).toBeLessThan(1e-3);
      expect(Math.abs((parallel[step] ?? 0) - loss) / loss).toBeLessThan(1e-3);
    });
  });

  it("makes SDLM's per-pattern steps on weights it holds, written into the model at flush, bit for bit as the optimiser's tfjs update", async () => {
    const single = batches[0]!;
    const patterns = Array.from({ length: 8 }, (_, index) => ({
      pixels: single.pixels.slice(index * 1024, (index + 1) * 1024),
      size: 32,
      labels: single.labels.slice(index, index + 1),
    }));
    const run = async (
      flat: boolean,
    ): Promise<{ weights: Float32Array; beforeFlush: Float32Array; start: Float32Array }> => {
      const model = lenet5({ seed: 3, initialisation: 'eblearn' });
      const trainer = await createDataParallelTrainer(model, {
        criterion: 'mle',
        threads: 2,
        kernels: 'lenet',
      });
      const sdlm = createSdlm();
      sdlm.estimateCurvature(
        model,
        tf.tensor4d(single.pixels, [20, 32, 32, 1]),
        tf.oneHot(tf.tensor1d(single.labels, 'int32'), 10),
      );
      // Hiding diagonalStepSizes sends the same steps through the tfjs variables.
      const optimizer = flat
        ? sdlm
        : Object.assign(Object.create(sdlm) as typeof sdlm, { diagonalStepSizes: undefined });
      const start = readTrainableWeights(model);
      try {
        for (const pattern of patterns) await trainer.step(optimizer, pattern);
        const beforeFlush = readTrainableWeights(model);
        trainer.flush();
        return { weights: readTrainableWeights(model), beforeFlush, start };
      } finally {
        await trainer.dispose();
        sdlm.dispose();
        model.dispose();
      }
    };
    const held = await run(true);
    const variables = await run(false);
    expect(held.beforeFlush).toEqual(held.start);
    expect(held.weights).not.toEqual(held.start);
    expect(held.weights).toEqual(variables.weights);
  });

  it('repeats a run bit for bit for a given thread count', async () => {
    expect(await lossCurve({ threads: 2, kernels: 'lenet' })).toEqual(
      await lossCurve({ threads: 2, kernels: 'lenet' }),
    );
  });

  it('counts correct read-outs over all shares', async () => {
    const model = lenet5({ seed: 7 });
    const trainer = await createDataParallelTrainer(model, { criterion: 'mle', threads: 3 });
    const single = await createDataParallelTrainer(lenet5({ seed: 7 }), {
      criterion: 'mle',
      threads: 1,
    });
    const batch = batches[0]!;
    const frozen = tf.train.sgd(0);
    const split = await trainer.step(frozen, {
      ...batch,
      pixels: batch.pixels.slice(),
      labels: batch.labels.slice(),
    });
    const whole = await single.step(frozen, {
      ...batch,
      pixels: batch.pixels.slice(),
      labels: batch.labels.slice(),
    });
    expect(split.correct).toBe(whole.correct);
    expect(split.loss).toBeCloseTo(whole.loss, 3);
    await Promise.all([trainer.dispose(), single.dispose()]);
  });

  it('falls back to tfjs, saying why, for a model the engine cannot run', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [32, 32, 1], filters: 2, kernelSize: 3 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 10 }),
      ],
    });
    const trainer = await createDataParallelTrainer(model, {
      criterion: 'cross-entropy',
      threads: 1,
    });
    expect(trainer.kernels).toBe('tfjs');
    expect(trainer.fallbackReason).toMatch(/Conv2D .*only 5x5/);
    const optimizer = tf.train.sgd(0.01);
    const before = tf.memory().numTensors;
    const batch = batches[0]!;
    const { loss } = await trainer.step(optimizer, {
      ...batch,
      pixels: batch.pixels.slice(),
      labels: batch.labels.slice(),
    });
    expect(loss).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
    await trainer.dispose();
    optimizer.dispose();
  });

  it('reports a failing share as an error that says what to do', async () => {
    const trainer = await createDataParallelTrainer(lenet5({ seed: 1 }), {
      criterion: 'map',
      threads: 2,
    });
    const broken = { pixels: new Float32Array(4 * 28 * 28), size: 28, labels: new Uint8Array(4) };
    await expect(trainer.step(tf.train.sgd(0.01), broken)).rejects.toThrow(/expected 32x32 images/);
    await trainer.dispose();
    await expect(
      trainer.step(tf.train.sgd(0.01), {
        ...batches[0]!,
        pixels: batches[0]!.pixels.slice(),
        labels: batches[0]!.labels.slice(),
      }),
    ).rejects.toBeInstanceOf(TrainingWorkerError);
  });

  it('rejects a thread count that is not a positive integer', async () => {
    await expect(
      createDataParallelTrainer(lenet5(), { criterion: 'map', threads: 0 }),
    ).rejects.toBeInstanceOf(ModelOptionError);
    await expect(
      createDataParallelTrainer(lenet5(), { criterion: 'map', threads: 1.5 }),
    ).rejects.toThrow(/threads/);
  });
});

describe('shareSizes', () => {
  it('splits a batch as evenly as it can, the larger shares first', () => {
    expect(shareSizes(32, 2)).toEqual([16, 16]);
    expect(shareSizes(33, 4)).toEqual([9, 8, 8, 8]);
    expect(shareSizes(1, 4)).toEqual([1]);
    expect(shareSizes(3, 4)).toEqual([1, 1, 1]);
  });
});
