import { Worker } from 'node:worker_threads';
import { TrainingWorkerError } from './training-worker-error.js';
import type { ShareRequest, TrainingWorkerSetup, WorkerReply } from './training-worker-messages.js';

function startWorker(setup: TrainingWorkerSetup): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './training-worker.ts' : './training-worker.js', import.meta.url);
  if (entry.pathname.endsWith('.js')) return new Worker(entry, { workerData: setup });
  // From the TypeScript sources (tests, benchmarks), the worker loads its .ts entry through tsx.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: setup, execArgv: ['--conditions=@lenet/source'] });
}

/** One worker thread of a data-parallel trainer, answering one share request at a time. */
export class TrainingWorker {
  private pending?: { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void };
  private failure?: Error;
  private readonly worker: Worker;

  constructor(
    readonly number: number,
    setup: TrainingWorkerSetup,
  ) {
    this.worker = startWorker(setup);
    this.worker.on('message', (reply: WorkerReply) => {
      const pending = this.pending;
      this.pending = undefined;
      if (reply.type === 'error') this.fail(new TrainingWorkerError(number, reply.message), pending);
      else pending?.resolve(reply);
    });
    this.worker.on('error', (error) => {
      this.fail(new TrainingWorkerError(number, error.message, error), this.pending);
    });
    this.worker.on('exit', (code) => {
      this.fail(new TrainingWorkerError(number, `the thread exited with code ${String(code)}`), this.pending);
    });
  }

  private fail(error: Error, pending: TrainingWorker['pending']): void {
    this.failure ??= error;
    this.pending = undefined;
    pending?.reject(this.failure);
  }

  /** Waits for the next reply (the first one says the worker is ready). */
  next(): Promise<WorkerReply> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
    });
  }

  send(request: ShareRequest): Promise<WorkerReply> {
    const reply = this.next();
    this.worker.postMessage(request, [request.weights.buffer as ArrayBuffer, request.pixels.buffer as ArrayBuffer, request.labels.buffer as ArrayBuffer]);
    return reply;
  }

  async terminate(): Promise<void> {
    this.worker.removeAllListeners('exit');
    this.failure ??= new TrainingWorkerError(this.number, 'the trainer was disposed');
    await this.worker.terminate();
  }
}
