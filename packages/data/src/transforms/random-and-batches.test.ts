import { describe, expect, it } from 'vitest';
import { TransformArgumentError } from '../errors/transform-argument-error.js';
import { batches, gather } from './batches.js';
import { createRandom, shuffledIndices } from './random.js';

const data = {
  images: Uint8Array.from({ length: 10 * 4 }, (_, index) => Math.floor(index / 4)),
  labels: Uint8Array.from({ length: 10 }, (_, index) => index),
  count: 10,
  height: 2,
  width: 2,
};

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const first = createRandom(42);
    const again = createRandom(42);
    const other = createRandom(43);
    const sequence = Array.from({ length: 5 }, () => first());
    expect(Array.from({ length: 5 }, () => again())).toEqual(sequence);
    expect(Array.from({ length: 5 }, () => other())).not.toEqual(sequence);
  });

  it('draws uniformly from [0, 1)', () => {
    const random = createRandom(7);
    const draws = Array.from({ length: 20000 }, () => random());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((sum, value) => sum + value, 0) / draws.length;
    expect(mean).toBeCloseTo(0.5, 1);
    const tenths = new Array<number>(10).fill(0);
    for (const draw of draws)
      tenths[Math.floor(draw * 10)] = (tenths[Math.floor(draw * 10)] ?? 0) + 1;
    expect(Math.min(...tenths)).toBeGreaterThan(1800);
  });
});

describe('shuffledIndices', () => {
  it('returns a seeded permutation', () => {
    const order = shuffledIndices(100, createRandom(1));
    expect([...order].sort((left, right) => left - right)).toEqual(
      Array.from({ length: 100 }, (_, index) => index),
    );
    expect(Array.from(order)).not.toEqual(Array.from({ length: 100 }, (_, index) => index));
    expect(shuffledIndices(100, createRandom(1))).toEqual(order);
  });
});

describe('batches', () => {
  it('splits in order, keeping images with their labels', () => {
    const all = [...batches(data, { batchSize: 4 })];
    expect(all.map((batch) => batch.count)).toEqual([4, 4, 2]);
    expect(Array.from(all[2]?.labels ?? [])).toEqual([8, 9]);
    expect(Array.from(all[2]?.images ?? [])).toEqual([8, 8, 8, 8, 9, 9, 9, 9]);
  });

  it('drops a short last batch on request', () => {
    expect(
      [...batches(data, { batchSize: 4, dropRemainder: true })].map((batch) => batch.count),
    ).toEqual([4, 4]);
  });

  it('shuffles reproducibly with a seeded source and keeps every item once', () => {
    const labelsOf = (seed: number) =>
      [...batches(data, { batchSize: 3, random: createRandom(seed) })].flatMap((batch) =>
        Array.from(batch.labels),
      );
    const shuffled = labelsOf(5);
    expect([...shuffled].sort((left, right) => left - right)).toEqual(Array.from(data.labels));
    expect(shuffled).not.toEqual(Array.from(data.labels));
    expect(labelsOf(5)).toEqual(shuffled);
    const first = [...batches(data, { batchSize: 3, random: createRandom(5) })][0];
    expect(Array.from(first?.images.subarray(0, 4) ?? [])).toEqual(
      new Array<number>(4).fill(shuffled[0] ?? -1),
    );
  });

  it('rejects a batch size that is not a positive integer', () => {
    expect(() => [...batches(data, { batchSize: 0 })]).toThrow(TransformArgumentError);
  });

  it('gathers chosen items into a copy', () => {
    const picked = gather(data, [3, 1]);
    expect(Array.from(picked.labels)).toEqual([3, 1]);
    expect(picked.images.buffer).not.toBe(data.images.buffer);
  });
});
