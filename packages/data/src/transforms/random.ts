/** A source of uniform random numbers in [0, 1), like `Math.random`. */
export type Random = () => number;

/**
 * Creates a seeded random source (mulberry32): the same seed gives the same sequence on
 * every platform, so shuffles and distortions can be reproduced.
 *
 * @param seed - Any number; only its low 32 bits are used.
 * @returns A function returning the next number in [0, 1).
 * @example
 * ```ts
 * const random = createRandom(42);
 * random(); // the same first value on every run
 * ```
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws a uniform number in [low, high).
 *
 * @param random - The random source.
 * @param low - The lower bound.
 * @param high - The upper bound.
 */
export function uniform(random: Random, low: number, high: number): number {
  return low + (high - low) * random();
}

/**
 * Returns `0..count-1` in a random order (Fisher-Yates).
 *
 * @param count - How many indices.
 * @param random - The random source, such as `createRandom(seed)`.
 * @returns A permutation of `0..count-1`.
 */
export function shuffledIndices(count: number, random: Random): Uint32Array {
  const indices = new Uint32Array(count);
  for (let index = 0; index < count; index += 1) indices[index] = index;
  for (let index = count - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    const value = indices[index] ?? 0;
    indices[index] = indices[other] ?? 0;
    indices[other] = value;
  }
  return indices;
}
