import type { WorkerFailure } from './worker-thread.js';

/** One share of a batch for a prediction worker, with new weights when they changed since its last share. */
export interface PredictRequest {
  /** `[count, size, size, 1]` row-major pixels: moved to the worker, or shared when on a SharedArrayBuffer. */
  readonly pixels: Float32Array;
  readonly size: number;
  /** Every trainable weight, concatenated in `model.trainableWeights` order, to set before predicting. */
  readonly weights?: Float32Array;
}

/** A prediction worker's answer: its share's outputs, `[count, classes]` row-major (`classes` the model's output width), or what went wrong. */
export type PredictorReply =
  | { readonly type: 'ready' }
  | { readonly type: 'outputs'; readonly outputs: Float32Array }
  | WorkerFailure;
