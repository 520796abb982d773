import { PAPER_BACKGROUND, PAPER_INK, padImages, paperScale } from '@lenet/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { FigureInputError } from '../figure-input-error.js';
import type { ImageShape, Scene } from '../scene/scene.js';
import { mnistTestDigits } from '../test-support/mnist-test-digits.js';
import {
  expectLegibleText,
  expectValidFigure,
  textNamed,
  texts,
} from '../test-support/render-checks.js';
import { digitsFigure } from './digits-figure.js';
import { FASHION_MNIST } from '@lenet/data';

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
    expectLegibleText(scene);
  });

  it('says digits and draws no class captions by default', () => {
    expect(
      textNamed(scene, 'each row: the same digits at one step of the preparation'),
    ).toBeDefined();
    expect(texts(scene).filter((text) => /^\d$/.test(text.text))).toEqual([]);
  });

  it('captions the first row with the class names, the columns of every row lined up under them', async () => {
    const { images, labels } = await mnistTestDigits(6);
    const names = FASHION_MNIST.classNames!;
    const padded = images.map((image) => {
      const out = new Uint8Array(32 * 32);
      for (let row = 0; row < 28; row += 1)
        out.set(image.subarray(row * 28, (row + 1) * 28), (row + 2) * 32 + 2);
      return out;
    });
    const named = digitsFigure({
      rows: [
        { label: 'raw', images, width: 28, height: 28, domain: [0, 255] },
        { label: 'padded', images: padded, width: 32, height: 32, domain: [0, 255] },
      ],
      labels,
      classNames: names,
    });
    const tiles = named.shapes.filter((shape): shape is ImageShape => shape.kind === 'image');
    const middle = (tile: ImageShape) => tile.x + tile.width / 2;
    const captions = texts(named).filter((text) => names.includes(text.text));
    expect(captions.map((caption) => caption.text)).toEqual(labels.map((label) => names[label]));
    captions.forEach((caption, index) => {
      expect(caption.x).toBe(middle(tiles[index]!));
      expect(caption.y).toBeLessThan(tiles[index]!.y);
      expect(middle(tiles[6 + index]!)).toBe(caption.x);
    });
    expect(
      textNamed(named, 'each row: the same images at one step of the preparation'),
    ).toBeDefined();
    expectLegibleText(named);
    expectValidFigure(named);
    expect(() =>
      digitsFigure({ rows: [{ label: 'raw', images, width: 28, height: 28 }], labels: [1, 2] }),
    ).toThrow(/one label per image of a row \(6\)/);
    expect(() =>
      digitsFigure({
        rows: [{ label: 'raw', images, width: 28, height: 28 }],
        labels,
        classNames: ['Bag'],
      }),
    ).toThrow(FigureInputError);
  });

  it('rejects an image of the wrong size', () => {
    expect(() =>
      digitsFigure({ rows: [{ label: 'x', images: [new Uint8Array(10)], width: 28, height: 28 }] }),
    ).toThrow(FigureInputError);
  });
});
