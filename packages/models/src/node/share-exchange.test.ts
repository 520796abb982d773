import { describe, expect, it } from 'vitest';
import { ShareExchange } from './share-exchange.js';
import { WorkerThread } from './worker-thread.js';

describe('ShareExchange', () => {
  it('lays the weights, gradient, pixels and labels out without overlap', () => {
    const exchange = ShareExchange.create(3, 2, 4);
    exchange.weights.fill(1);
    exchange.gradients.fill(2);
    exchange.pixels(2).fill(3);
    exchange.labels(2).fill(4);
    expect([
      ...exchange.weights,
      ...exchange.gradients,
      ...exchange.pixels(2),
      ...exchange.labels(2),
    ]).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4]);
  });

  it('gives no answer when none came within the time, then the one written', () => {
    const exchange = ShareExchange.create(1, 1, 1);
    const started = performance.now();
    expect(exchange.awaitAnswer(1, 20)).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(19);
    exchange.answer(1, { loss: 0.25, correct: 3 });
    expect(exchange.awaitAnswer(1, 20)).toEqual({ loss: 0.25, correct: 3 });
    // An answer to an earlier request is not the one waited for.
    expect(exchange.awaitAnswer(2, 5)).toBeUndefined();
  });

  it('carries an order to a worker waiting in the memory, and its answer back, each side woken by the other', async () => {
    const peer = new WorkerThread<{ readonly type: string }>(
      new URL('../__fixtures__/share-exchange-peer.ts', import.meta.url),
      undefined,
      {
        failed: (reason) => new Error(reason),
        disposed: () => new Error('disposed'),
      },
    );
    try {
      await peer.next();
      const exchange = ShareExchange.create(2, 1, 1);
      const answered = peer.post({ buffer: exchange.buffer, parameters: 2, images: 1, area: 1 });
      // Let the worker block in its wait first.
      await new Promise((resolve) => setTimeout(resolve, 50));
      exchange.order({ sequence: 1, count: 3, size: 9 });
      expect(exchange.awaitAnswer(1, 10_000)).toEqual({ loss: 1.5, correct: 7 });
      expect([...exchange.gradients]).toEqual([3, 9]);
      await expect(answered).resolves.toEqual({ type: 'answered' });
    } finally {
      await peer.terminate();
    }
  });
});
