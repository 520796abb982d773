import { TrainingWorkerError } from './training-worker-error.js';
import type { ShareRequest, TrainingWorkerSetup, WorkerReply } from './training-worker-messages.js';
import { workerEntry, WorkerThread } from './worker-thread.js';

/** One worker thread of a data-parallel trainer, answering one share request at a time. */
export class TrainingWorker extends WorkerThread<WorkerReply> {
  constructor(
    readonly number: number,
    setup: TrainingWorkerSetup,
  ) {
    super(workerEntry('training-worker', import.meta.url), setup, {
      failed: (reason, cause) => new TrainingWorkerError(number, reason, cause),
      disposed: () => new TrainingWorkerError(number, 'the trainer was disposed'),
    });
  }

  send(request: ShareRequest): Promise<WorkerReply> {
    return this.post(request, [request.weights.buffer as ArrayBuffer, request.pixels.buffer as ArrayBuffer, request.labels.buffer as ArrayBuffer]);
  }
}
