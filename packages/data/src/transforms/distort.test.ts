import { describe, expect, it } from 'vitest';
import { applyDistortion, distort, sampleDistortion } from './distort.js';
import { createRandom } from './random.js';

const identity = { translateX: 0, translateY: 0, scale: 1, squeeze: 0, shear: 0 };
const image = Uint8Array.from({ length: 8 * 8 }, (_, index) => ((index * 53) % 200) + 20);

describe('applyDistortion', () => {
  it('returns the image unchanged for the identity', () => {
    expect(applyDistortion(image, 8, 8, identity)).toEqual(image);
  });

  it('moves the image by whole-pixel translations, filling with background', () => {
    const moved = applyDistortion(image, 8, 8, { ...identity, translateX: 2, translateY: 1 });
    expect(moved[1 * 8 + 2]).toBe(image[0]);
    expect(moved[7 * 8 + 7]).toBe(image[6 * 8 + 5]);
    expect(moved[0]).toBe(0);
    expect(moved[1 * 8 + 1]).toBe(0);
  });

  it('shears horizontally: rows move in proportion to their distance from the centre', () => {
    const dot = new Float32Array(9 * 9);
    dot[8 * 9 + 4] = 1;
    const sheared = applyDistortion(dot, 9, 9, { ...identity, shear: 0.5 });
    expect(sheared[8 * 9 + 6]).toBeCloseTo(1, 6);
    expect(sheared[8 * 9 + 4]).toBe(0);
  });

  it('squeezes: wider and shorter for a positive squeeze', () => {
    const bar = new Float32Array(9 * 9);
    for (let x = 2; x <= 6; x += 1) bar[4 * 9 + x] = 1;
    const squeezed = applyDistortion(bar, 9, 9, { ...identity, squeeze: 0.5 });
    const row = Array.from(squeezed.subarray(4 * 9, 5 * 9));
    expect(row[1]).toBeGreaterThan(0);
    expect(row.reduce((sum, value) => sum + value, 0)).toBeCloseTo(5 * 1.5, 0);
    expect(squeezed[3 * 9 + 4]).toBe(0);
  });
});

describe('distort', () => {
  it('is reproducible for a seed and different between seeds', () => {
    const batch = {
      images: new Float32Array([...image, ...image].map((value) => value / 255)),
      count: 2,
      height: 8,
      width: 8,
    };
    const first = distort(batch, createRandom(3));
    expect(distort(batch, createRandom(3)).images).toEqual(first.images);
    expect(distort(batch, createRandom(4)).images).not.toEqual(first.images);
    expect(first.images.subarray(0, 64)).not.toEqual(first.images.subarray(64));
  });

  it('draws distortions within the given limits', () => {
    const random = createRandom(9);
    for (let draw = 0; draw < 500; draw += 1) {
      const distortion = sampleDistortion(random, {
        translation: 1,
        scaling: 0.05,
        squeezing: 0.2,
        shear: 0.3,
      });
      expect(Math.abs(distortion.translateX)).toBeLessThanOrEqual(1);
      expect(Math.abs(distortion.scale - 1)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(distortion.squeeze)).toBeLessThanOrEqual(0.2);
      expect(Math.abs(distortion.shear)).toBeLessThanOrEqual(0.3);
    }
  });
});
