import type { TrainingBatch } from '../training/batch-gradients.js';
import type { TrainingCriterion } from '../training/training-criterion.js';
import type { WorkerModelSetup } from './serve-worker-requests.js';
import type { WorkerFailure } from './worker-thread.js';

/** What a training worker starts from: the model (on the calling thread's backend) and the criterion. */
export interface TrainingWorkerSetup extends WorkerModelSetup {
  readonly criterion: TrainingCriterion;
  /** Compute gradients with the LeNet engine (the calling thread found the model supported). */
  readonly useEngine: boolean;
}

/** One share of a batch, with the weights to compute its gradients at. */
export interface ShareRequest extends TrainingBatch {
  /** Every trainable weight, concatenated in `model.trainableWeights` order. */
  readonly weights: Float32Array;
}

/** A worker's answer: its share's gradients, concatenated like the weights, or what went wrong. */
export type WorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'gradients'; readonly loss: number; readonly correct: number; readonly gradients: Float32Array }
  | WorkerFailure;
