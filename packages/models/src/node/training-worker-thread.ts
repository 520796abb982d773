import { TrainingWorkerError } from './training-worker-error.js';
import type { TrainingBatch } from '../training/batch-gradients.js';
import type { FlatGradients } from '../training/flat-gradients.js';
import { ShareExchange } from './share-exchange.js';
import type { ShareRequest, TrainingWorkerSetup, WorkerReply } from './training-worker-messages.js';
import { workerEntry, WorkerThread } from './worker-thread.js';

/** A share sent to a worker: its answer, through the shared memory or through the worker's reply message. */
export interface ShareInFlight {
  /**
   * Blocks the calling thread (`Atomics.wait`) until the worker has answered, at most
   * `timeoutMs`: the share's gradient, or undefined when the answer did not come in that time
   * (then await {@link ShareInFlight.reply}, which also reports the worker's failures).
   */
  awaitAnswer(timeoutMs: number): FlatGradients | undefined;
  /** The answer as the worker's reply message brings it (or the worker's failure). */
  readonly reply: Promise<FlatGradients>;
}

/** One worker thread of a data-parallel trainer, answering one share request at a time. */
export class TrainingWorker extends WorkerThread<WorkerReply> {
  private exchange?: ShareExchange;
  private sequence = 0;

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
   * Sends a share (`share`'s images, at the `parameters` weights that `writeWeights` copies into
   * the memory shared with the worker); its gradient is a view of that memory, valid until the
   * next share is sent.
   */
  send(
    share: TrainingBatch,
    parameters: number,
    writeWeights: (target: Float32Array) => void,
  ): ShareInFlight {
    const count = share.labels.length;
    const area = share.size * share.size;
    if (
      this.exchange === undefined ||
      this.exchange.images < count ||
      this.exchange.area !== area ||
      this.exchange.parameters !== parameters
    ) {
      this.exchange = ShareExchange.create(parameters, count, area);
    }
    const exchange = this.exchange;
    writeWeights(exchange.weights);
    exchange.pixels(count).set(share.pixels);
    exchange.labels(count).set(share.labels);
    this.sequence += 1;
    const sequence = this.sequence;
    const { buffer, images } = exchange;
    const request: ShareRequest = {
      sequence,
      count,
      size: share.size,
      exchange: { buffer, parameters, images, area },
    };
    // A worker waiting in the shared memory takes the share from there; one in its event loop from the message.
    exchange.order(request);
    const reply = this.post(request).then((answer) => {
      if (answer.type !== 'gradients')
        throw new TrainingWorkerError(
          this.number,
          `it answered a share with a '${answer.type}' message`,
        );
      return { loss: answer.loss, correct: answer.correct, gradients: exchange.gradients };
    });
    return {
      reply,
      awaitAnswer: (timeoutMs) => {
        const answer = exchange.awaitAnswer(sequence, timeoutMs);
        if (answer === undefined) return undefined;
        // The reply message still comes; a failure after this answer rejects the next share.
        reply.catch(() => undefined);
        return { ...answer, gradients: exchange.gradients };
      },
    };
  }
}
