import { describe, expect, it } from 'vitest';
import { preparePicture } from './prepare-picture.js';
import { preprocessDigit } from './preprocess-digit.js';

/** A 40x20 grey picture: a dark 20x10 block (ink) on white paper. */
function block(): { pixels: Uint8Array; width: number; height: number } {
  const pixels = new Uint8Array(40 * 20).fill(255);
  for (let y = 5; y < 15; y += 1) for (let x = 10; x < 30; x += 1) pixels[y * 40 + x] = 55;
  return { pixels, width: 40, height: 20 };
}

const inkedColumns = (image: Uint8Array) =>
  Array.from({ length: 28 }, (_, x) => image.some((_, i) => i % 28 === x && image[i]! > 0)).filter(
    Boolean,
  ).length;

const side = 112;

/** A drawing pad's RGBA picture: white paper with a black square of 28x28 pixels from (left, top). */
function padWithSquare(left: number, top: number) {
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = top; y < top + 28; y += 1)
    for (let x = left; x < left + 28; x += 1)
      pixels.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
  return { pixels, width: side, height: side, channels: 4 as const };
}

/** The ink's bounding box in a 28x28 image: [top, left, bottom, right]. */
function inkBox(image: Uint8Array): number[] {
  const rows: number[] = [];
  const columns: number[] = [];
  image.forEach((value, index) => {
    if (value < 128) return;
    rows.push(Math.floor(index / 28));
    columns.push(index % 28);
  });
  return [Math.min(...rows), Math.min(...columns), Math.max(...rows), Math.max(...columns)];
}

describe('preparePicture', () => {
  it("fits the whole pad into 28x28 for 'fit' data sets (a drawing pad's picture): a square in the corner stays there, a quarter of the size", () => {
    const image = preparePicture(padWithSquare(0, 0), 'fit', 'dark-on-light');
    expect(image).toHaveLength(784);
    expect(inkBox(image)).toEqual([0, 0, 6, 6]);
    expect(image[0]).toBe(255);
    expect(image[27 * 28 + 27]).toBe(0);
  });

  it("makes MNIST's digit for 'digit' data sets: the ink cropped, 20x20 and centred", () => {
    const picture = padWithSquare(0, 0);
    const image = preparePicture(picture, 'digit', 'dark-on-light');
    expect(image).toEqual(preprocessDigit(picture, { polarity: 'dark-on-light' }));
    // 20 pixels wide, its centre of mass on pixel 14 of 28, as MNIST centres digits.
    expect(inkBox(image)).toEqual([5, 5, 24, 24]);
  });

  it('digit: crops to the ink and fits it into 20x20, as MNIST was made', () => {
    const image = preparePicture(block(), 'digit');
    expect(image).toHaveLength(784);
    expect(inkedColumns(image)).toBe(20);
    expect(Math.max(...image)).toBe(255);
  });

  it('fit: scales the whole picture into 28x28, ink light, its grey level kept', () => {
    const image = preparePicture(block(), 'fit');
    // 40x20 becomes 28x14: the block covers half the width, 14 of the 28 columns.
    expect(inkedColumns(image)).toBe(14);
    expect(Math.max(...image)).toBe(200);
  });

  it('none: keeps the levels as they are (the white paper stays bright)', () => {
    const image = preparePicture(block(), 'none');
    expect(image[14 * 28 + 1]).toBe(255);
    expect(image[0]).toBe(0); // above and below the 28x14 picture: the padding
  });
});
