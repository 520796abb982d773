/** Mixes a seed with counters into a new 32-bit seed, so every epoch and batch has its own stream. */
export function mixSeed(seed: number, ...parts: readonly number[]): number {
  let hash = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  for (const part of parts) hash = Math.imul(hash ^ (part + 0x7f4a7c15), 0xc2b2ae35) >>> 0;
  return hash;
}
