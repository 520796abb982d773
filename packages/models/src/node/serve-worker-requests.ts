// The worker side of a WorkerThread (see worker-thread.ts): start once, then answer each request.
import { parentPort, type Transferable } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { setupBackend, type BackendName } from '@lenet/core';
import { WorkerStartError } from './worker-start-error.js';

/** What a worker rebuilds the calling thread's model from. */
export interface WorkerModelSetup {
  /** `model.toJSON(null, false)`: the layers and their configuration. */
  readonly topology: object;
  /** Every weight of the model (trainable and fixed), in `model.weights` order. */
  readonly weights: readonly Float32Array[];
  /** The tfjs backend the worker sets up. */
  readonly backend: string;
}

/** A reply and the buffers to move (not copy) to the calling thread with it. */
export interface WorkerAnswer<Reply> {
  readonly reply: Reply;
  readonly transfer?: readonly Transferable[];
}

/**
 * What a worker does with each request, after its start: the reply, or undefined when the
 * request was answered already, through `reply` (a worker that takes requests from shared
 * memory answers them before their messages come; every request gets one reply, in order).
 */
export type RequestHandler<Request, Reply> = (
  request: Request,
  reply: (answer: WorkerAnswer<Reply>) => void,
) => WorkerAnswer<Reply> | undefined;

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The calling thread's model, rebuilt in a worker on the setup's backend. */
export async function rebuildModel(setup: WorkerModelSetup): Promise<tf.LayersModel> {
  await setupBackend({ backends: [setup.backend as BackendName] });
  const model = await tf.models.modelFromJSON({
    modelTopology: setup.topology as tf.io.ModelJSON['modelTopology'],
  });
  tf.tidy(() => {
    model.setWeights(
      model.weights.map((weight, index) =>
        tf.tensor(setup.weights[index] ?? new Float32Array(0), weight.shape as number[]),
      ),
    );
  });
  return model;
}

/**
 * Runs `start`, replies `ready`, then answers every request with `handle` (or an `error` reply
 * saying what it threw); a failed start replies `error` once.
 *
 * @param owner - Which factory starts this worker, for the message of an entry run outside a worker thread.
 */
export function serveRequests<Request, Reply>(
  owner: string,
  start: () => Promise<RequestHandler<Request, Reply>>,
): void {
  const port = parentPort;
  if (port === null)
    throw new WorkerStartError(
      owner,
      'this entry runs as a worker thread, started by that factory, not on its own.',
    );
  start().then(
    (handle) => {
      const post = ({ reply, transfer = [] }: WorkerAnswer<Reply>): void => {
        port.postMessage(reply, transfer);
      };
      port.on('message', (request: Request) => {
        try {
          const answer = handle(request, post);
          if (answer !== undefined) post(answer);
        } catch (error) {
          port.postMessage({ type: 'error', message: describe(error) });
        }
      });
      port.postMessage({ type: 'ready' });
    },
    (error: unknown) => {
      port.postMessage({ type: 'error', message: `could not start: ${describe(error)}` });
    },
  );
}
