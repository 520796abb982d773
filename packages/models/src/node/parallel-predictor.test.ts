import * as tf from '@tensorflow/tfjs';
import { createLenetEngine, LenetError, setupBackend } from '@lenet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lenet1 } from '../lenet1.js';
import { lenet5 } from '../lenet5.js';
import { ModelOptionError } from '../model-option-error.js';
import { readTrainableWeights } from '../training/flat-weights.js';
import {
  createParallelPredictor,
  startParallelPredictor,
  type ParallelPredictor,
} from './parallel-predictor.js';
import { PredictionInputError } from './prediction-input-error.js';
import { PredictorDisposedError } from './predictor-disposed-error.js';
import { PredictorWorkerError } from './predictor-worker-error.js';

/** `count` images of `size` x `size` pixels in the paper's range [-0.1, 1.175], the same on every call. */
function images(count: number, size: number, buffer?: SharedArrayBuffer): Float32Array {
  const pixels =
    buffer === undefined
      ? new Float32Array(count * size * size)
      : new Float32Array(buffer, 0, count * size * size);
  return pixels.map(
    (_, index) => -0.1 + 1.275 * (0.5 + 0.5 * Math.sin(index * 0.37 + (index % 97) * 0.011)),
  );
}

/** The outputs' bits, so that equality means bit for bit (0 and -0 differ, NaNs compare). */
function bits(outputs: Float32Array): Uint32Array {
  return new Uint32Array(outputs.buffer, outputs.byteOffset, outputs.length);
}

/** What one engine in the calling thread predicts for the whole batch. */
async function wholeBatch(
  model: tf.LayersModel,
  pixels: Float32Array,
  size: number,
): Promise<Float32Array> {
  const engine = await createLenetEngine(model);
  return engine!.predict(pixels, size);
}

beforeAll(async () => {
  await setupBackend({ backends: ['cpu'] });
});

describe('createParallelPredictor', () => {
  const model = lenet5({ seed: 5 });
  let predictor: ParallelPredictor;

  beforeAll(async () => {
    predictor = await createParallelPredictor(model, { threads: 3, minimumShare: 1 });
  });

  afterAll(async () => {
    await predictor.dispose();
  });

  it('predicts bit for bit what one engine predicts on the whole batch, in uneven shares across 3 threads', async () => {
    const pixels = images(37, 32);
    expect(predictor.threads).toBe(3);
    expect(predictor.size).toBe(32);
    const split = await predictor.predict(pixels, 32);
    expect(split.length).toBe(370);
    expect(bits(split)).toEqual(bits(await wholeBatch(model, pixels, 32)));
  });

  it.each([10, 3])(
    'predicts the logits of a %i-class LeNet-1 bit for bit as one engine does, in 2 threads',
    async (classes) => {
      const network = lenet1({ seed: 2, classes });
      const pixels = images(64, 28);
      const parallel = await createParallelPredictor(network, { threads: 2 });
      try {
        const split = await parallel.predict(pixels, 28);
        expect(split).toHaveLength(64 * classes);
        expect(bits(split)).toEqual(bits(await wholeBatch(network, pixels, 28)));
      } finally {
        await parallel.dispose();
      }
    },
  );

  it('predicts the same for pixels on a SharedArrayBuffer (shared with the workers, not copied) and leaves plain pixels intact', async () => {
    const shared = images(20, 32, new SharedArrayBuffer(20 * 32 * 32 * 4));
    const plain = images(20, 32);
    expect(bits(await predictor.predict(shared, 32))).toEqual(
      bits(await predictor.predict(plain, 32)),
    );
    expect(plain.length).toBe(20 * 32 * 32);
    expect(plain).toEqual(images(20, 32));
  });

  it('answers concurrent predictions each with its own outputs', async () => {
    const batches = [5, 12, 30].map((count) =>
      images(count, 32).map((value, index) => value * (1 - (index % count) / 100)),
    );
    const outputs = await Promise.all(batches.map((pixels) => predictor.predict(pixels, 32)));
    for (const [index, pixels] of batches.entries())
      expect(bits(outputs[index]!)).toEqual(bits(await wholeBatch(model, pixels, 32)));
  });

  it('predicts with new weights in every share after setWeights, and with the model weights again after refresh', async () => {
    const pixels = images(30, 32);
    const before = await predictor.predict(pixels, 32);
    const changed = lenet5({ seed: 6 });
    predictor.setWeights(readTrainableWeights(changed));
    const after = await predictor.predict(pixels, 32);
    expect(bits(after)).not.toEqual(bits(before));
    expect(bits(after)).toEqual(bits(await wholeBatch(changed, pixels, 32)));
    predictor.refresh();
    expect(bits(await predictor.predict(pixels, 32))).toEqual(bits(before));
    changed.dispose();
  });

  it('returns no outputs for no images', async () => {
    expect(await predictor.predict(new Float32Array(0), 32)).toEqual(new Float32Array(0));
  });

  it('rejects pixels that are not whole images of the model size, saying what it expected', async () => {
    await expect(predictor.predict(new Float32Array(3 * 28 * 28), 28)).rejects.toThrow(
      /invalid size\. Expected 32 \(the model takes 32x32 images\), got 28/,
    );
    const partial = predictor.predict(new Float32Array(2 * 1024 + 5), 32);
    await expect(partial).rejects.toBeInstanceOf(PredictionInputError);
    await expect(partial).rejects.toThrow(
      /a multiple of 1024 values .* got 2053 values\. Pass whole images: these make 2 images and 5 values more/,
    );
    await expect(
      predictor.predict(new Float64Array(1024) as unknown as Float32Array, 32),
    ).rejects.toThrow(/Expected a Float32Array, got a Float64Array/);
    expect(() => {
      predictor.setWeights(new Float32Array(10));
    }).toThrow(/Expected a Float32Array of 60000 values .* got 10 values/);
  });

  it('rejects a thread count or share that is not a positive integer, and a model the engine cannot run', async () => {
    await expect(createParallelPredictor(model, { threads: 0 })).rejects.toBeInstanceOf(
      ModelOptionError,
    );
    await expect(createParallelPredictor(model, { minimumShare: 2.5 })).rejects.toThrow(
      /invalid minimumShare/,
    );
    const unsupported = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [32, 32, 1], filters: 2, kernelSize: 3 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 10 }),
      ],
    });
    await expect(createParallelPredictor(unsupported)).rejects.toThrow(
      /invalid model\. Expected a model the LeNet engine runs .*, got .*only 5x5/,
    );
    unsupported.dispose();
  });
});

describe('a parallel predictor whose workers fail', () => {
  const fixture = (name: string): URL => new URL(`../__fixtures__/${name}.ts`, import.meta.url);

  it('reports the failure of a share as a PredictorWorkerError, for that batch and the next, and still predicts small batches', async () => {
    const model = lenet5({ seed: 1 });
    const predictor = await startParallelPredictor(
      model,
      { threads: 2 },
      fixture('failing-predictor-worker'),
    );
    try {
      const failure = predictor.predict(images(16, 32), 32);
      await expect(failure).rejects.toBeInstanceOf(PredictorWorkerError);
      await expect(failure).rejects.toThrow(
        /Prediction worker 1 failed: Error: the fixture fails every share\. .*threads: 1/,
      );
      await expect(predictor.predict(images(40, 32), 32)).rejects.toMatchObject({ worker: 1 });
      // 15 images make shares below the minimum of 8: the calling thread predicts them alone.
      expect(bits(await predictor.predict(images(15, 32), 32))).toEqual(
        bits(await wholeBatch(model, images(15, 32), 32)),
      );
    } finally {
      await predictor.dispose();
    }
  });

  it('rejects at creation when a worker thread ends before it is ready', async () => {
    const creation = startParallelPredictor(
      lenet5({ seed: 1 }),
      { threads: 3 },
      fixture('exiting-predictor-worker'),
    );
    await expect(creation).rejects.toBeInstanceOf(PredictorWorkerError);
    await expect(creation).rejects.toThrow(
      /Prediction worker \d failed: the thread exited with code 3/,
    );
  });
});

describe('ParallelPredictor.dispose', () => {
  it('rejects the predictions pending and every later call with a PredictorDisposedError, and leaks no tensors', async () => {
    const model = lenet5({ seed: 3 });
    const tensors = tf.memory().numTensors;
    const predictor = await createParallelPredictor(model, { threads: 2 });
    const pending = expect(predictor.predict(images(200, 32), 32)).rejects.toBeInstanceOf(
      PredictorDisposedError,
    );
    await predictor.dispose();
    await pending;
    await expect(predictor.predict(images(1, 32), 32)).rejects.toThrow(
      /ParallelPredictor\.predict: the predictor was disposed.*createParallelPredictor\(model\)/,
    );
    expect(() => {
      predictor.refresh();
    }).toThrow(PredictorDisposedError);
    expect(
      LenetError.isInstance(
        await predictor.predict(images(1, 32), 32).catch((error: unknown) => error),
      ),
    ).toBe(true);
    expect(tf.memory().numTensors).toBe(tensors);
    model.dispose();
  });
});
