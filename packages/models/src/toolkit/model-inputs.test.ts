import { PAPER_BACKGROUND, PAPER_INK } from '@lenet/data';
import { describe, expect, it } from 'vitest';
import { inputSide, modelInputs, placeDigits, scaledInputs } from './model-inputs.js';

/** Two 28x28 digits: the first all ink, the second all background. */
const digits = {
  images: new Uint8Array(2 * 784).fill(255, 0, 784),
  count: 2,
  height: 28,
  width: 28,
};

describe('model inputs', () => {
  it("pads digits to 32x32 with background and maps them to the paper's -0.1 and 1.175", () => {
    const { pixels, size } = modelInputs(digits, 'pad-to-32');
    expect(size).toBe(inputSide('pad-to-32'));
    expect(pixels).toHaveLength(2 * 32 * 32);
    expect(pixels[0]).toBeCloseTo(PAPER_BACKGROUND, 6);
    expect(pixels[2 * 32 + 2]).toBeCloseTo(PAPER_INK, 6);
    expect(pixels[32 * 32 + 2 * 32 + 2]).toBeCloseTo(PAPER_BACKGROUND, 6);
  });

  it("scales digits into LeNet-1's 16x16 box in the middle of 28x28", () => {
    const placed = placeDigits(digits, 'downsample-to-16-in-28');
    expect([placed.width, placed.height, inputSide('downsample-to-16-in-28')]).toEqual([
      28, 28, 28,
    ]);
    const ink = Array.from(placed.images.subarray(0, 784)).filter((value) => value > 0).length;
    expect(ink).toBe(16 * 16);
    expect(placed.images[6 * 28 + 6]).toBe(255);
    expect(placed.images[5 * 28 + 5]).toBe(0);
  });

  it('gives the same pixels in one step as placed and then scaled', () => {
    expect(modelInputs(digits, 'downsample-to-16-in-28')).toEqual(
      scaledInputs(placeDigits(digits, 'downsample-to-16-in-28')),
    );
  });
});
