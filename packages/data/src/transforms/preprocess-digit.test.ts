import { describe, expect, it } from 'vitest';
import { loadMnist } from '../node/load-dataset.js';
import { mnistTestDirectory } from '../test-support/mnist-directory.js';
import { downsampleAndCenter } from './downsample-and-center.js';
import { preprocessDigit } from './preprocess-digit.js';

/** The rows and columns holding ink in a 28x28 image. */
function inkBox(image: Uint8Array, size = 28) {
  const columns: number[] = [];
  const rows: number[] = [];
  image.forEach((value, index) => {
    if (value === 0) return;
    columns.push(index % size);
    rows.push(Math.floor(index / size));
  });
  return {
    left: Math.min(...columns),
    right: Math.max(...columns),
    top: Math.min(...rows),
    bottom: Math.max(...rows),
  };
}

/** A 60x100 picture with a 10x40 bar at (5, 10): `ink` on `paper`. */
function barPicture(paper: number, ink: number): Uint8Array {
  const pixels = new Uint8Array(60 * 100).fill(paper);
  for (let y = 10; y < 50; y += 1) pixels.fill(ink, y * 60 + 5, y * 60 + 15);
  return pixels;
}

describe('preprocessDigit', () => {
  it('crops to the ink, fits a 20-pixel box keeping the aspect ratio, and centres it by mass', () => {
    const output = preprocessDigit({ pixels: barPicture(0, 255), width: 60, height: 100 });
    expect(inkBox(output)).toEqual({ left: 12, right: 16, top: 5, bottom: 24 });
    expect(output.filter((value) => value === 255).length).toBe(5 * 20);
    expect(output.filter((value) => value !== 0 && value !== 255).length).toBe(0);
  });

  it('auto-detects dark ink on light paper and gives the same result', () => {
    const light = preprocessDigit({ pixels: barPicture(0, 255), width: 60, height: 100 });
    expect(preprocessDigit({ pixels: barPicture(255, 0), width: 60, height: 100 })).toEqual(light);
    expect(preprocessDigit({ pixels: barPicture(200, 40), width: 60, height: 100 })).toEqual(light);
    expect(
      preprocessDigit(
        { pixels: barPicture(0, 255), width: 60, height: 100 },
        { polarity: 'dark-on-light' },
      ),
    ).not.toEqual(light);
  });

  it('reads RGBA pixels such as a canvas ImageData, transparent paper counting as white', () => {
    const rgba = new Uint8ClampedArray(60 * 100 * 4);
    barPicture(0, 255).forEach((value, index) => {
      if (value === 255) rgba.set([20, 20, 20, 255], index * 4);
    });
    expect(preprocessDigit({ pixels: rgba, width: 60, height: 100, channels: 4 })).toEqual(
      preprocessDigit({ pixels: barPicture(0, 255), width: 60, height: 100 }),
    );
  });

  it('returns a blank field for a blank picture', () => {
    // An empty result would pass an every() check too: compare with a whole blank field.
    expect(
      preprocessDigit({ pixels: new Uint8Array(100).fill(255), width: 10, height: 10 }),
    ).toEqual(new Uint8Array(28 * 28));
  });

  it('leaves almost every MNIST digit exactly as it is (MNIST was made this way)', async () => {
    const { test } = await loadMnist({ folder: mnistTestDirectory() });
    let unchanged = 0;
    for (let index = 0; index < 500; index += 1) {
      const digit = test.images.subarray(index * 784, (index + 1) * 784);
      if (
        Buffer.compare(
          preprocessDigit({ pixels: digit, width: 28, height: 28 }, { threshold: 0 }),
          digit,
        ) === 0
      )
        unchanged += 1;
    }
    expect(unchanged).toBeGreaterThan(425);
  });
});

describe('downsampleAndCenter', () => {
  it('shrinks each MNIST digit into a centred 16x16 box of the 28x28 field', async () => {
    const { test } = await loadMnist({ folder: mnistTestDirectory() });
    const small = downsampleAndCenter({
      images: test.images.subarray(0, 50 * 784),
      count: 50,
      height: 28,
      width: 28,
    });
    expect(small).toMatchObject({ count: 50, height: 28, width: 28 });
    for (let index = 0; index < 50; index += 1) {
      const box = inkBox(small.images.subarray(index * 784, (index + 1) * 784));
      expect(Math.max(box.right - box.left, box.bottom - box.top)).toBe(15);
      expect(Math.min(box.left, box.top)).toBeGreaterThanOrEqual(6);
      expect(Math.max(box.right, box.bottom)).toBeLessThanOrEqual(21);
    }
  });
});
