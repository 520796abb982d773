import { PAPER_BACKGROUND, PAPER_INK, padImages, paperScale } from '@lenet/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { FigureInputError } from '../figure-input-error.js';
import type { ImageShape, Scene } from '../scene/scene.js';
import { mnistTestDigits } from '../test-support/mnist-test-digits.js';
import { expectValidFigure, textNamed } from '../test-support/render-checks.js';
import { digitsFigure } from './digits-figure.js';

describe('digitsFigure on real MNIST test digits', () => {
  let scene: Scene;

  beforeAll(async () => {
    const { images } = await mnistTestDigits(6);
    const raw = new Uint8Array(6 * 784);
    images.forEach((image, index) => {
      raw.set(image, index * 784);
    });
    const padded = padImages({ images: raw, count: 6, height: 28, width: 28 });
    const scaled = paperScale(padded.images);
    const split = (values: ArrayLike<number>, size: number) =>
      Array.from(
        { length: 6 },
        (_, index) =>
          Array.prototype.slice.call(values, index * size, (index + 1) * size) as number[],
      );
    scene = digitsFigure({
      rows: [
        { label: 'raw', images, width: 28, height: 28, domain: [0, 255] },
        {
          label: 'padded',
          images: split(padded.images, 1024),
          width: 32,
          height: 32,
          domain: [0, 255],
        },
        { label: 'scaled', images: split(scaled, 1024), width: 32, height: 32 },
      ],
    });
  });

  it('draws one row per preparation step with its size and value range', () => {
    const tiles = scene.shapes.filter((shape): shape is ImageShape => shape.kind === 'image');
    expect(tiles.map((tile) => tile.columns)).toEqual([
      ...Array<number>(6).fill(28),
      ...Array<number>(12).fill(32),
    ]);
    expect(textNamed(scene, 'raw').y).toBeLessThan(textNamed(scene, 'padded').y);
    expect(textNamed(scene, `32x32, ${PAPER_BACKGROUND}..${PAPER_INK}`)).toBeDefined();
  });

  it('shows the padded border as background, white in the picture', () => {
    const padded = scene.shapes.filter((shape): shape is ImageShape => shape.kind === 'image')[6]!;
    expect(Array.from(padded.pixels.subarray(0, 3 * 64))).toEqual(Array<number>(3 * 64).fill(255));
  });

  it('is a valid PNG and SVG of its stated size', () => {
    expectValidFigure(scene);
  });

  it('rejects an image of the wrong size', () => {
    expect(() =>
      digitsFigure({ rows: [{ label: 'x', images: [new Uint8Array(10)], width: 28, height: 28 }] }),
    ).toThrow(FigureInputError);
  });
});
