import { describe, expect, it } from 'vitest';
import { fitImages } from './fit-images.js';

describe('fitImages', () => {
  it('scales a 16x12 image to 28x21, centred in 28x28, keeping its mean brightness', () => {
    const images = new Uint8Array(16 * 12).fill(200);
    const fitted = fitImages(
      { images, labels: new Uint8Array([3]), count: 1, height: 16, width: 12 },
      28,
    );
    expect(fitted).toMatchObject({ count: 1, height: 28, width: 28 });
    const row = (index: number) => Array.from(fitted.images.subarray(index * 28, index * 28 + 28));
    // 21 columns of ink (3 or 4 blank on each side), every row of the 28 filled.
    expect(row(0).filter((value) => value === 200)).toHaveLength(21);
    expect(row(14).slice(0, 3)).toEqual([0, 0, 0]);
    expect(row(27).slice(24)).toEqual([0, 0, 0, 0]);
    expect(Array.from(fitted.labels)).toEqual([3]);
  });

  it('shrinks 56x56 images by area averaging and leaves 28x28 ones untouched', () => {
    const big = new Uint8Array(56 * 56);
    for (let index = 0; index < big.length; index += 1) big[index] = index % 2 === 0 ? 0 : 255;
    const fitted = fitImages(
      { images: big, labels: new Uint8Array([0]), count: 1, height: 56, width: 56 },
      28,
    );
    expect(new Set(fitted.images)).toEqual(new Set([128]));
    const same = {
      images: new Uint8Array(784),
      labels: new Uint8Array([1]),
      count: 1,
      height: 28,
      width: 28,
    };
    expect(fitImages(same, 28)).toBe(same);
  });
});
