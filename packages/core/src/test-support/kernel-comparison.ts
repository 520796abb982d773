import { expect } from 'vitest';

/** A deterministic pseudo-random generator in [0, 1), so a failing case can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `size` values drawn uniformly from [-scale, scale) with a fixed seed. */
export function seededValues(shape: readonly number[], seed: number, scale = 1): Float32Array {
  const random = seededRandom(seed);
  const size = shape.reduce((product, dimension) => product * dimension, 1);
  return Float32Array.from({ length: size }, () => (random() * 2 - 1) * scale);
}

/** Expects `actual` to equal `expected` within `tolerance`, relative to the largest expected magnitude (at least 1). */
export function expectClose(actual: Float32Array, expected: Float32Array, tolerance = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  const scale = expected.reduce((max, value) => Math.max(max, Math.abs(value)), 1);
  const worst = actual.reduce(
    (max, value, index) => Math.max(max, Math.abs(value - expected[index]!)),
    0,
  );
  expect(worst / scale).toBeLessThan(tolerance);
}
