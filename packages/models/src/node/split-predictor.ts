import type * as tf from '@tensorflow/tfjs';
import type { LenetEngine } from '@lenet/core';
import { readTrainableWeights } from '../training/flat-weights.js';
import { checkPixels, checkWeights } from './check-prediction-input.js';
import { shareSizes } from './data-parallel-trainer.js';
import type { ParallelPredictor } from './parallel-predictor.js';
import { PredictorDisposedError } from './predictor-disposed-error.js';
import { PredictorWorkerError } from './predictor-worker-error.js';
import type { PredictorReply } from './predictor-worker-messages.js';
import type { WorkerThread } from './worker-thread.js';

/** A {@link ParallelPredictor} on the calling thread's engine and running workers (see createParallelPredictor). */
export class SplitPredictor implements ParallelPredictor {
  readonly threads: number;
  readonly size: number;
  private disposed = false;
  /** Per worker, the weights to send with its next share, when they changed since its last one. */
  private readonly newWeights: (Float32Array | undefined)[];

  constructor(
    private readonly model: tf.LayersModel,
    private readonly engine: LenetEngine,
    private readonly workers: readonly WorkerThread<PredictorReply>[],
    private readonly minimumShare: number,
  ) {
    this.threads = workers.length + 1;
    this.size = engine.plan.inputSize;
    this.newWeights = workers.map(() => undefined);
  }

  async predict(pixels: Float32Array, size: number): Promise<Float32Array> {
    this.checkOpen('predict');
    const count = checkPixels(pixels, size, this.size);
    const shares = shareSizes(count, Math.min(this.threads, Math.floor(count / this.minimumShare)));
    const own = shares[0] ?? 0;
    if (shares.length === 1) return this.engine.predict(pixels, size);
    const replies = this.sendShares(pixels, size, shares);
    let outputs: Float32Array;
    try {
      outputs = this.engine.predict(pixels.subarray(0, own * size * size), size);
    } catch (error) {
      // Let the workers finish their shares (and their failures be seen) before reporting ours.
      await Promise.allSettled(replies);
      throw error;
    }
    return concatenate([
      outputs,
      ...(await Promise.all(replies)).map((reply, index) => outputsOf(reply, index + 1)),
    ]);
  }

  /** Sends every share but the first (the calling thread's) to its worker. */
  private sendShares(
    pixels: Float32Array,
    size: number,
    shares: readonly number[],
  ): Promise<PredictorReply>[] {
    const area = size * size;
    let start = shares[0] ?? 0;
    // Share k (at most one per worker) goes to worker k - 1.
    return this.workers.slice(0, shares.length - 1).map((worker, index) => {
      const count = shares[index + 1] ?? 0;
      const share = pixels.subarray(start * area, (start + count) * area);
      start += count;
      const weights = this.newWeights[index];
      this.newWeights[index] = undefined;
      if (share.buffer instanceof SharedArrayBuffer)
        return worker.post({ pixels: share, size, weights });
      const copy = share.slice();
      return worker.post({ pixels: copy, size, weights }, [copy.buffer]);
    });
  }

  setWeights(weights: Float32Array): void {
    this.checkOpen('setWeights');
    checkWeights(weights, this.engine.plan.parameters);
    this.engine.setWeights(weights);
    // One copy for every worker: the caller may change `weights` before the next batch is split.
    this.newWeights.fill(weights.slice());
  }

  refresh(): void {
    this.setWeights(readTrainableWeights(this.model));
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private checkOpen(method: string): void {
    if (this.disposed) throw new PredictorDisposedError(`ParallelPredictor.${method}`);
  }
}

function outputsOf(reply: PredictorReply, share: number): Float32Array {
  if (reply.type !== 'outputs')
    throw new PredictorWorkerError(share, `it answered a share with a '${reply.type}' message`);
  return reply.outputs;
}

function concatenate(parts: readonly Float32Array[]): Float32Array {
  const joined = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
