// The entry of a data-parallel training worker (see data-parallel-trainer.ts): it rebuilds the
// calling thread's model, then answers each share of a batch with that share's gradients.
import { workerData } from 'node:worker_threads';
import { createLenetEngine } from '@lenet/core';
import { flatGradients } from '../training/flat-gradients.js';
import { rebuildModel, serveRequests } from './serve-worker-requests.js';
import { ShareExchange, type ShareOrder } from './share-exchange.js';
import type { ShareRequest, TrainingWorkerSetup, WorkerReply } from './training-worker-messages.js';

const setup = workerData as TrainingWorkerSetup;

/**
 * How long the worker waits in the shared memory for the next share after answering one, before
 * it goes back to its event loop: a training step's update takes a fraction of a millisecond, and
 * `Atomics.wait` wakes sooner than a message.
 */
const LINGER_MS = 2;

serveRequests<ShareRequest, WorkerReply>('createDataParallelTrainer()', async () => {
  const model = await rebuildModel(setup);
  const engine = setup.useEngine ? await createLenetEngine(model) : undefined;
  let answered = 0;
  const compute = (exchange: ShareExchange, { sequence, count, size }: ShareOrder): WorkerReply => {
    const { loss, correct } = flatGradients(
      model,
      engine,
      setup.criterion,
      { pixels: exchange.pixels(count), size, labels: exchange.labels(count) },
      exchange.weights,
      exchange.gradients,
    );
    exchange.answer(sequence, { loss, correct });
    answered = sequence;
    return { type: 'gradients', loss, correct };
  };
  return (request, reply) => {
    // A share taken from the shared memory was answered before its message came.
    if (request.sequence <= answered) return undefined;
    const { buffer, parameters, images, area } = request.exchange;
    const exchange = new ShareExchange(buffer, parameters, images, area);
    reply({ reply: compute(exchange, request) });
    for (
      let order = exchange.awaitOrder(answered, LINGER_MS);
      order !== undefined;
      order = exchange.awaitOrder(answered, LINGER_MS)
    ) {
      reply({ reply: compute(exchange, order) });
    }
    return undefined;
  };
});
