import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ShareExchange } from './share-exchange.js';

describe('ShareExchange', () => {
  it('lays the weights, gradient, pixels and labels out without overlap', () => {
    const exchange = ShareExchange.create(3, 2, 4);
    exchange.weights.fill(1);
    exchange.gradients.fill(2);
    exchange.pixels(2).fill(3);
    exchange.labels(2).fill(4);
    expect([...exchange.weights, ...exchange.gradients, ...exchange.pixels(2), ...exchange.labels(2)]).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4]);
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

  it('wakes the waiting thread when another thread answers', async () => {
    const exchange = ShareExchange.create(2, 1, 1);
    const source = `
      const { workerData } = require('node:worker_threads');
      const counters = new Int32Array(workerData, 0, 4);
      const gradients = new Float32Array(workerData, 16 + 2 * 4, 2);
      setTimeout(() => {
        gradients.set([5, 6]);
        new Float64Array(workerData, 0, 1)[0] = 1.5;
        counters[2] = 7;
        Atomics.store(counters, 3, 1);
        Atomics.notify(counters, 3);
      }, 50);`;
    const worker = new Worker(source, { eval: true, workerData: exchange.buffer });
    try {
      const answer = exchange.awaitAnswer(1, 10_000);
      expect(answer).toEqual({ loss: 1.5, correct: 7 });
      expect([...exchange.gradients]).toEqual([5, 6]);
    } finally {
      await worker.terminate();
    }
  });
});
