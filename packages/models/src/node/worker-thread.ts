import { Worker, type Transferable } from 'node:worker_threads';

/** What a worker thread answers when it fails to start or to handle a request. */
export interface WorkerFailure {
  readonly type: 'error';
  readonly message: string;
}

/** How a {@link WorkerThread} reports failures as its owner's typed errors. */
export interface WorkerThreadErrors {
  /** The error for a failure the worker reported, or of the thread itself. */
  readonly failed: (reason: string, cause?: unknown) => Error;
  /** The error of every request after (or pending at) {@link WorkerThread.terminate}. */
  readonly disposed: () => Error;
}

/** The entry `name` beside the module at `base` (its `import.meta.url`): `.ts` from the sources, `.js` when built. */
export function workerEntry(name: string, base: string): URL {
  return new URL(base.endsWith('.ts') ? `./${name}.ts` : `./${name}.js`, base);
}

function startWorker(entry: URL, workerData: unknown): Worker {
  if (entry.pathname.endsWith('.js')) return new Worker(entry, { workerData });
  // From the TypeScript sources (tests, benchmarks), the worker loads its .ts entry through tsx.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, {
    eval: true,
    workerData,
    execArgv: ['--conditions=@lenet/source'],
  });
}

/**
 * One worker thread answering requests in the order they were sent (its first reply says it is
 * ready). A failure of the worker is final: it rejects the pending requests and every later one.
 */
export class WorkerThread<Reply extends { readonly type: string }> {
  private readonly pending: { resolve: (reply: Reply) => void; reject: (error: Error) => void }[] =
    [];
  private failure?: Error;
  private readonly worker: Worker;

  constructor(
    entry: URL,
    workerData: unknown,
    private readonly errors: WorkerThreadErrors,
  ) {
    this.worker = startWorker(entry, workerData);
    this.worker.on('message', (reply: Reply | WorkerFailure) => {
      if (reply.type === 'error') this.fail(errors.failed((reply as WorkerFailure).message));
      else this.pending.shift()?.resolve(reply as Reply);
    });
    this.worker.on('error', (error) => {
      this.fail(errors.failed(error.message, error));
    });
    this.worker.on('exit', (code) => {
      this.fail(errors.failed(`the thread exited with code ${String(code)}`));
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pending.splice(0)) pending.reject(this.failure);
  }

  /** Waits for the next reply (the first one says the worker is ready). */
  next(): Promise<Reply> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
    });
  }

  /** Sends `message`, moving the `transfer` buffers to the worker, and waits for its reply. */
  post(message: unknown, transfer: readonly Transferable[] = []): Promise<Reply> {
    const reply = this.next();
    if (this.failure === undefined) this.worker.postMessage(message, transfer);
    return reply;
  }

  /** Ends the thread; pending and later requests reject with the `disposed` error. */
  async terminate(): Promise<void> {
    this.worker.removeAllListeners('exit');
    this.fail(this.errors.disposed());
    await this.worker.terminate();
  }
}
