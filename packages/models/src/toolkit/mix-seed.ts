/**
 * Mixes a seed with counters into a new 32-bit seed, so that every epoch, pass and pattern of a
 * run draws from its own random stream.
 *
 * @param seed - The run's seed.
 * @param parts - Counters (an epoch, a pass, a stream tag...).
 * @returns An unsigned 32-bit seed for `createRandom` of @lenet/data.
 * @example
 * ```ts
 * const order = shuffledIndices(count, createRandom(mixSeed(seed, epoch)));
 * ```
 */
export function mixSeed(seed: number, ...parts: readonly number[]): number {
  let hash = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  for (const part of parts) hash = Math.imul(hash ^ (part + 0x7f4a7c15), 0xc2b2ae35) >>> 0;
  return hash;
}
