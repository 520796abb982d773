// The entry of a data-parallel training worker (see data-parallel-trainer.ts): it rebuilds the
// calling thread's model, then answers each share of a batch with that share's gradients.
import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { createLenetEngine, setupBackend, type BackendName, type LenetEngine } from '@lenet/core';
import { flatGradients } from '../training/flat-gradients.js';
import type { ShareRequest, TrainingWorkerSetup, WorkerReply } from './training-worker-messages.js';

const port = parentPort;
if (port === null) throw new Error('training-worker.js runs as a worker thread of createDataParallelTrainer().');
const setup = workerData as TrainingWorkerSetup;

function reply(message: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function start(): Promise<{ model: tf.LayersModel; engine: LenetEngine | undefined }> {
  await setupBackend({ backends: [setup.backend as BackendName] });
  const model = await tf.models.modelFromJSON({ modelTopology: setup.topology as tf.io.ModelJSON['modelTopology'] });
  tf.tidy(() => {
    model.setWeights(model.weights.map((weight, index) => tf.tensor(setup.weights[index] ?? new Float32Array(0), weight.shape as number[])));
  });
  return { model, engine: setup.useEngine ? await createLenetEngine(model) : undefined };
}

start().then(
  ({ model, engine }) => {
    port.on('message', (request: ShareRequest) => {
      try {
        const { loss, correct, gradients } = flatGradients(model, engine, setup.criterion, request, request.weights);
        reply({ type: 'gradients', loss, correct, gradients }, [gradients.buffer as ArrayBuffer]);
      } catch (error) {
        reply({ type: 'error', message: describe(error) });
      }
    });
    reply({ type: 'ready' });
  },
  (error: unknown) => {
    reply({ type: 'error', message: `could not start: ${describe(error)}` });
  },
);
