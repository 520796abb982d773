import { TrainingWorkerError } from './training-worker-error.js';
import type { TrainingBatch } from '../training/batch-gradients.js';
import type { FlatGradients } from '../training/flat-gradients.js';
import { ShareExchange } from './share-exchange.js';
import type { ShareRequest, TrainingWorkerSetup, WorkerReply } from './training-worker-messages.js';
import { workerEntry, WorkerThread } from './worker-thread.js';

/** One worker thread of a data-parallel trainer, answering one share request at a time. */
export class TrainingWorker extends WorkerThread<WorkerReply> {
  private exchange?: ShareExchange;

  constructor(
    readonly number: number,
    setup: TrainingWorkerSetup,
  ) {
    super(workerEntry('training-worker', import.meta.url), setup, {
      failed: (reason, cause) => new TrainingWorkerError(number, reason, cause),
      disposed: () => new TrainingWorkerError(number, 'the trainer was disposed'),
    });
  }

  /**
   * Sends a share (`share`'s images, at `weights`) through the memory shared with the worker and
   * waits for its loss and gradient; the gradient is a view of that memory, valid until the next
   * share is sent.
   */
  async send(share: TrainingBatch, weights: Float32Array): Promise<FlatGradients> {
    const count = share.labels.length;
    const area = share.size * share.size;
    if (this.exchange === undefined || this.exchange.images < count || this.exchange.area !== area || this.exchange.parameters !== weights.length) {
      this.exchange = ShareExchange.create(weights.length, count, area);
    }
    const exchange = this.exchange;
    exchange.weights.set(weights);
    exchange.pixels(count).set(share.pixels);
    exchange.labels(count).set(share.labels);
    const { buffer, parameters, images } = exchange;
    const request: ShareRequest = { count, size: share.size, exchange: { buffer, parameters, images, area } };
    const reply = await this.post(request);
    return reply.type === 'gradients' ? { loss: reply.loss, correct: reply.correct, gradients: exchange.gradients } : { loss: 0, correct: 0, gradients: new Float32Array(parameters) };
  }
}
