import type { TrainingBatch } from '../training/batch-gradients.js';
import type { TrainingCriterion } from '../training/training-criterion.js';

/** What a training worker starts from: the model's topology and weights, the backend, the criterion. */
export interface TrainingWorkerSetup {
  /** `model.toJSON(null, false)`: the layers and their configuration. */
  readonly topology: object;
  /** Every weight of the model (trainable and fixed), in `model.weights` order. */
  readonly weights: readonly Float32Array[];
  /** The backend the calling thread trains on; the worker sets up the same one. */
  readonly backend: string;
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
  | { readonly type: 'error'; readonly message: string };
