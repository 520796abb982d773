// The entry of a data-parallel training worker (see data-parallel-trainer.ts): it rebuilds the
// calling thread's model, then answers each share of a batch with that share's gradients.
import { workerData } from 'node:worker_threads';
import { createLenetEngine } from '@lenet/core';
import { flatGradients } from '../training/flat-gradients.js';
import { rebuildModel, serveRequests } from './serve-worker-requests.js';
import { ShareExchange } from './share-exchange.js';
import type { ShareRequest, TrainingWorkerSetup, WorkerReply } from './training-worker-messages.js';

const setup = workerData as TrainingWorkerSetup;

serveRequests<ShareRequest, WorkerReply>('createDataParallelTrainer()', async () => {
  const model = await rebuildModel(setup);
  const engine = setup.useEngine ? await createLenetEngine(model) : undefined;
  return ({ sequence, count, size, exchange: shared }) => {
    const exchange = new ShareExchange(shared.buffer, shared.parameters, shared.images, shared.area);
    const { loss, correct } = flatGradients(model, engine, setup.criterion, { pixels: exchange.pixels(count), size, labels: exchange.labels(count) }, exchange.weights, exchange.gradients);
    exchange.answer(sequence, { loss, correct });
    return { reply: { type: 'gradients', loss, correct } };
  };
});
