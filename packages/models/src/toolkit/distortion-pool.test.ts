import type { DatasetSplit } from '@lenet/data';
import { describe, expect, it } from 'vitest';
import { POOL_COPIES, poolItemsOfEpoch, poolPatterns } from './distortion-pool.js';

/** Four 28x28 "digits", each a filled square at another place, labelled 0..3. */
function tinySplit(): DatasetSplit {
  const images = new Uint8Array(4 * 28 * 28);
  for (let digit = 0; digit < 4; digit += 1) {
    for (let y = 8; y < 20; y += 1)
      for (let x = 6 + digit; x < 18 + digit; x += 1) images[digit * 784 + y * 28 + x] = 255;
  }
  return { images, labels: Uint8Array.from([0, 1, 2, 3]), count: 4, height: 28, width: 28 };
}

describe('the distorted pool', () => {
  it("goes through the whole pool of originals and 9 copies once every 10 epochs, in the seed's order", () => {
    const cycle = Array.from({ length: POOL_COPIES }, (_, epoch) =>
      Array.from(poolItemsOfEpoch(6, 1, epoch)),
    ).flat();
    expect(POOL_COPIES).toBe(10);
    expect(cycle.slice().sort((a, b) => a - b)).toEqual(
      Array.from({ length: 60 }, (_, item) => item),
    );
    expect(Array.from(poolItemsOfEpoch(6, 1, 3))).toEqual(Array.from(poolItemsOfEpoch(6, 1, 3)));
    expect(Array.from(poolItemsOfEpoch(6, 1, 10))).not.toEqual(
      Array.from(poolItemsOfEpoch(6, 1, 0)),
    );
    expect(Array.from(poolItemsOfEpoch(6, 2, 0))).not.toEqual(
      Array.from(poolItemsOfEpoch(6, 1, 0)),
    );
  });

  it('gives the original for copy 0 and the same distortion of a digit whenever a copy is drawn', () => {
    const train = tinySplit();
    const originals = poolPatterns(train, [0, 1, 2, 3], 1);
    expect(originals.images).toEqual(train.images);
    expect(Array.from(originals.labels)).toEqual([0, 1, 2, 3]);
    const copies = poolPatterns(train, [5, 9, 5], 1);
    expect(Array.from(copies.labels)).toEqual([1, 1, 1]);
    expect(copies.images.subarray(0, 784)).toEqual(copies.images.subarray(2 * 784));
    expect(copies.images.subarray(0, 784)).not.toEqual(copies.images.subarray(784, 2 * 784));
    expect(copies.images.subarray(0, 784)).not.toEqual(train.images.subarray(784, 2 * 784));
    expect(poolPatterns(train, [5], 2).images).not.toEqual(copies.images.subarray(0, 784));
  });
});
