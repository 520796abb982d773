import { beforeAll, describe, expect, it } from 'vitest';
import { FigureInputError } from '../figure-input-error.js';
import { renderRaster } from '../raster/render-raster.js';
import { pixelAt } from '../raster/rgba-image.js';
import type { ImageShape, Scene } from '../scene/scene.js';
import { renderSvg } from '../svg/render-svg.js';
import { glyphBoxes } from '../text/glyph-boxes.js';
import { mnistTestDigits } from '../test-support/mnist-test-digits.js';
import {
  expectLegibleText,
  expectValidFigure,
  textNamed,
  texts,
} from '../test-support/render-checks.js';
import { misclassifiedGalleryFigure } from './misclassified-gallery-figure.js';
import { FASHION_MNIST, KMNIST } from '@lenet/data';

describe('misclassifiedGalleryFigure on real MNIST test digits', () => {
  let digits: { images: Uint8Array[]; labels: number[] };
  let predicted: number[];
  let scene: Scene;

  beforeAll(async () => {
    digits = await mnistTestDigits(30);
    predicted = digits.labels.map((label, index) =>
      index === 3 || index === 11 || index === 29 ? (label + 1) % 10 : label,
    );
    scene = misclassifiedGalleryFigure({
      images: digits.images,
      trueLabels: digits.labels,
      predictedLabels: predicted,
    });
  });

  it('shows exactly the misclassified digits, each captioned true->predicted', () => {
    const captions = texts(scene)
      .filter((text) => /^\d->\d$/.test(text.text))
      .map((text) => text.text);
    expect(captions).toEqual(
      [3, 11, 29].map((index) => `${digits.labels[index]}->${predicted[index]}`),
    );
    expect(
      texts(scene).some((text) =>
        text.text.startsWith('3 of 30 test images misclassified (10.00%), true->predicted'),
      ),
    ).toBe(true);
  });

  it('counts the error rate against the whole evaluation when given only the misclassified digits, and says when only some are shown', () => {
    const wrong = [3, 11];
    const gallery = misclassifiedGalleryFigure({
      images: wrong.map((index) => digits.images[index]!),
      trueLabels: wrong.map((index) => digits.labels[index]!),
      predictedLabels: wrong.map((index) => predicted[index]!),
      tested: 10_000,
      errors: 96,
    });
    expect(texts(gallery).map((text) => text.text)).toContain(
      '96 of 10,000 test images misclassified (0.96%), the first 2 shown, true->predicted',
    );
    expectLegibleText(gallery);
    expect(() =>
      misclassifiedGalleryFigure({
        images: digits.images,
        trueLabels: digits.labels,
        predictedLabels: predicted,
        tested: 10,
      }),
    ).toThrow(FigureInputError);
  });

  it('draws each digit ink-dark on white where the image has ink', () => {
    const tiles = scene.shapes.filter((shape): shape is ImageShape => shape.kind === 'image');
    const image = renderRaster(scene);
    const digit = digits.images[3]!;
    const tile = tiles[0]!;
    const scale = tile.width / 28;
    // The darkest pixel and a blank one; both must exist, or the loop would test the tile's surroundings.
    const samples = [digit.indexOf(Math.max(...digit)), digit.indexOf(0)];
    expect(digit[samples[0]!]).toBeGreaterThan(200);
    expect(samples[1]).toBeGreaterThanOrEqual(0);
    for (const pixel of samples) {
      const [x, y] = [
        tile.x + ((pixel % 28) + 0.5) * scale,
        tile.y + (Math.floor(pixel / 28) + 0.5) * scale,
      ];
      expect(pixelAt(image, Math.floor(x), Math.floor(y))[0]).toBe(255 - (digit[pixel] ?? 0));
    }
  });

  it('accepts the images as one flat array too, and is a valid PNG and SVG of its stated size', () => {
    const flat = new Uint8Array(30 * 784);
    digits.images.forEach((image, index) => {
      flat.set(image, index * 784);
    });
    const fromFlat = misclassifiedGalleryFigure({
      images: flat,
      trueLabels: digits.labels,
      predictedLabels: predicted,
    });
    expect(fromFlat.shapes.length).toBe(scene.shapes.length);
    expectValidFigure(fromFlat);
  });

  it('rejects labels that do not match the images', () => {
    expect(() =>
      misclassifiedGalleryFigure({ images: digits.images, trueLabels: [1], predictedLabels: [2] }),
    ).toThrow(FigureInputError);
    expect(() =>
      misclassifiedGalleryFigure({
        images: new Uint8Array(785),
        trueLabels: [1],
        predictedLabels: [2],
      }),
    ).toThrow(/multiple of 784/);
  });

  const fashionNames = FASHION_MNIST.classNames!;

  it('captions each image with the names of its true and its predicted class when given class names', () => {
    const gallery = misclassifiedGalleryFigure({
      images: digits.images,
      trueLabels: digits.labels,
      predictedLabels: predicted,
      classNames: fashionNames,
    });
    const tiles = gallery.shapes.filter((shape): shape is ImageShape => shape.kind === 'image');
    expect(tiles).toHaveLength(3);
    [3, 11, 29].forEach((index, tile) => {
      const truth = textNamed(gallery, `true ${fashionNames[digits.labels[index]!]!}`);
      const readAs = textNamed(gallery, `read as ${fashionNames[predicted[index]!]!}`);
      const middle = tiles[tile]!.x + tiles[tile]!.width / 2;
      expect([truth.x, readAs.x]).toEqual([middle, middle]);
      expect(truth.y).toBeLessThan(readAs.y);
      expect(readAs.y).toBeLessThan(tiles[tile]!.y);
    });
    expect(texts(gallery).some((text) => /^\d->\d$/.test(text.text))).toBe(false);
    expect(textNamed(gallery, 'Misclassified test images')).toBeDefined();
    expect(textNamed(gallery, '3 of 30 test images misclassified (10.00%)')).toBeDefined();
    expectLegibleText(gallery);
    expectValidFigure(gallery);
  });

  it('wraps named captions after 6 images, and widens each slot to its longest caption', () => {
    const wrongEverywhere = digits.labels.map((label) => (label + 1) % 10);
    const gallery = misclassifiedGalleryFigure({
      images: digits.images.slice(0, 8),
      trueLabels: digits.labels.slice(0, 8),
      predictedLabels: wrongEverywhere.slice(0, 8),
      classNames: fashionNames,
    });
    const tiles = gallery.shapes.filter((shape): shape is ImageShape => shape.kind === 'image');
    expect(tiles.slice(0, 6).every((tile) => tile.y === tiles[0]!.y)).toBe(true);
    expect(tiles[6]!.y).toBeGreaterThan(tiles[0]!.y);
    expectLegibleText(gallery);
  });

  it('draws a kana class name in full in SVG and by its romanisation in the PNG', () => {
    const kana = KMNIST.classNames!;
    const gallery = misclassifiedGalleryFigure({
      images: digits.images,
      trueLabels: digits.labels,
      predictedLabels: predicted,
      classNames: kana,
    });
    const caption = textNamed(gallery, `true ${kana[digits.labels[3]!]!}`);
    const romanisation = kana[digits.labels[3]!]!.split(' ')[1]!;
    expect(glyphBoxes(caption)).toEqual(glyphBoxes({ ...caption, text: `true ${romanisation}` }));
    expect(renderSvg(gallery)).toContain(`>true ${kana[digits.labels[3]!]!}</text>`);
    expectLegibleText(gallery);
  });

  it('rejects labels that are not classes', () => {
    expect(() =>
      misclassifiedGalleryFigure({
        images: digits.images.slice(0, 2),
        trueLabels: [0, 3],
        predictedLabels: [1, 3],
        classNames: ['Bag', 'Coat', 'Dress'],
      }),
    ).toThrow(/trueLabels\[1\]/);
    expect(() =>
      misclassifiedGalleryFigure({
        images: digits.images.slice(0, 1),
        trueLabels: [0.5],
        predictedLabels: [1],
      }),
    ).toThrow(FigureInputError);
  });
});
