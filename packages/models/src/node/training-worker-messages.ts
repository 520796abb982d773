import type { TrainingCriterion } from '../training/training-criterion.js';
import type { WorkerModelSetup } from './serve-worker-requests.js';
import type { WorkerFailure } from './worker-thread.js';

/** What a training worker starts from: the model (on the calling thread's backend) and the criterion. */
export interface TrainingWorkerSetup extends WorkerModelSetup {
  readonly criterion: TrainingCriterion;
  /** Compute gradients with the LeNet engine (the calling thread found the model supported). */
  readonly useEngine: boolean;
}

/** One share of a batch: its images, labels and the weights to compute at are in the exchange. */
export interface ShareRequest {
  /** The request's number, which the worker writes into the exchange when it has answered. */
  readonly sequence: number;
  readonly count: number;
  readonly size: number;
  /** The memory shared with this worker (a `ShareExchange`'s buffer and sizes). */
  readonly exchange: {
    readonly buffer: SharedArrayBuffer;
    readonly parameters: number;
    readonly images: number;
    readonly area: number;
  };
}

/** A worker's answer: its share's loss (the gradient is in the exchange), or what went wrong. */
export type WorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'gradients'; readonly loss: number; readonly correct: number }
  | WorkerFailure;
