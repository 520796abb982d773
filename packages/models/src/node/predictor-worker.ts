// The entry of a prediction worker (see parallel-predictor.ts): it builds a LeNet engine from the
// calling thread's model, then answers each share of a batch with that share's outputs.
import { workerData } from 'node:worker_threads';
import { createLenetEngine, engineSupport } from '@lenet/core';
import type { PredictorReply, PredictRequest } from './predictor-worker-messages.js';
import { rebuildModel, serveRequests, type WorkerModelSetup } from './serve-worker-requests.js';
import { WorkerStartError } from './worker-start-error.js';

const setup = workerData as WorkerModelSetup;

serveRequests<PredictRequest, PredictorReply>('createParallelPredictor()', async () => {
  const model = await rebuildModel(setup);
  const engine = await createLenetEngine(model);
  // The engine holds its own copy of the weights; the tfjs model is not needed any more.
  const reason = engine === undefined ? engineSupport(model) : undefined;
  model.dispose();
  if (engine === undefined)
    throw new WorkerStartError(
      'createParallelPredictor()',
      `the LeNet engine cannot run the model: ${reason ?? 'unknown reason'}.`,
    );
  return (request) => {
    if (request.weights !== undefined) engine.setWeights(request.weights);
    const outputs = engine.predict(request.pixels, request.size);
    return { reply: { type: 'outputs', outputs }, transfer: [outputs.buffer as ArrayBuffer] };
  };
});
