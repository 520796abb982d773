import type { Domain } from '../color/color-maps.js';
import type { Scene, Shape } from '../scene/scene.js';
import { FigureInputError } from '../figure-input-error.js';
import { checkClassLabels, className } from './class-names.js';
import { figureMargin, figureTitle, figureTitleWidth, titleHeight } from './figure-title.js';
import { imageGrid } from './image-grid.js';
import { splitArrays } from './split-arrays.js';

/** Input of {@link misclassifiedGalleryFigure}. */
export interface MisclassifiedGalleryFigureInput {
  /** Test images: one array per image, or all of them concatenated, row-major. */
  readonly images: readonly ArrayLike<number>[] | ArrayLike<number>;
  /** Image width. Default 28. */
  readonly width?: number;
  /** Image height. Default 28. */
  readonly height?: number;
  /** The correct class of each image. */
  readonly trueLabels: ArrayLike<number>;
  /** The predicted class of each image. */
  readonly predictedLabels: ArrayLike<number>;
  /** Pixel values drawn white and black. Default `[0, 255]` (MNIST bytes). */
  readonly domain?: Domain;
  /** Images per row. Default 12, or 6 with `classNames` (their captions are wider). */
  readonly perRow?: number;
  /**
   * The name of each class, `classNames[label]` (e.g. the `classNames` of a `@lenet/data`
   * dataset). Given, each image is captioned `true Coat` over `read as Shirt` instead of
   * `4->6`, and the default title says `images` instead of `digits`. The PNG's bitmap font
   * draws printable ASCII only: `お (o)` is drawn there as its romanisation `(o)`, and in
   * full in SVG and on a canvas. Default: the labels' digits.
   */
  readonly classNames?: readonly string[];
  /** Default `Misclassified test digits` (`Misclassified test images` with `classNames`). */
  readonly title?: string;
  /**
   * How many test images were classified, when `images` holds only some of them (say the
   * misclassified ones): the subtitle's error rate is counted against it. Default: the images given.
   */
  readonly tested?: number;
  /** How many were misclassified in all, when only some of them are given. Default: the misclassified images given. */
  readonly errors?: number;
}

/**
 * Every misclassified image with `true->predicted` above it, as in Fig. 8 of the paper, or
 * with the names of both classes when `classNames` are given.
 *
 * @throws {FigureInputError} When image and label counts disagree, a label is not a class (a whole number >= 0, below the number of `classNames`), or `tested` / `errors` are fewer than the images and errors given.
 * @see LeCun et al. 1998, Fig. 8 (the 82 test errors of LeNet-5).
 * @example
 * ```ts
 * const scene = misclassifiedGalleryFigure({ images: testImages, trueLabels, predictedLabels });
 * const fashion = misclassifiedGalleryFigure({ images, trueLabels, predictedLabels, classNames: FASHION_MNIST.classNames });
 * ```
 */
export function misclassifiedGalleryFigure(input: MisclassifiedGalleryFigureInput): Scene {
  const width = input.width ?? 28;
  const height = input.height ?? 28;
  const images = splitArrays('images', input.images, width * height, `${width}x${height} pixels`);
  if (input.trueLabels.length !== images.length || input.predictedLabels.length !== images.length) {
    throw new FigureInputError({
      field: 'trueLabels/predictedLabels',
      expected: `one true and one predicted label per image (${images.length})`,
      actual: `${input.trueLabels.length} true and ${input.predictedLabels.length} predicted labels`,
    });
  }
  const names = input.classNames;
  checkClassLabels('trueLabels', input.trueLabels, names);
  checkClassLabels('predictedLabels', input.predictedLabels, names);
  const wrong = images.flatMap((values, index) => {
    const [trueLabel, predictedLabel] = [input.trueLabels[index], input.predictedLabels[index]];
    if (trueLabel === predictedLabel) return [];
    const truth = className(trueLabel ?? 0, names);
    const predicted = className(predictedLabel ?? 0, names);
    const captionLines =
      names === undefined ? [`${truth}->${predicted}`] : [`true ${truth}`, `read as ${predicted}`];
    return [{ values, captionLines }];
  });
  const tested = input.tested ?? images.length;
  const errors = input.errors ?? wrong.length;
  if (tested < images.length || errors < wrong.length) {
    throw new FigureInputError({
      field: 'tested/errors',
      expected: `at least the ${images.length} images and ${wrong.length} errors given`,
      actual: `tested ${tested}, errors ${errors}`,
    });
  }
  const shown = errors > wrong.length ? `, the first ${wrong.length} shown` : '';
  const key = names === undefined ? ', true->predicted' : '';
  const subtitle = `${errors.toLocaleString('en-US')} of ${tested.toLocaleString('en-US')} test images misclassified (${((100 * errors) / Math.max(1, tested)).toFixed(2)}%)${shown}${key}`;
  const title = input.title ?? `Misclassified test ${names === undefined ? 'digits' : 'images'}`;
  const shapes: Shape[] = figureTitle(title, subtitle);
  const grid = imageGrid(
    wrong.map((item) => ({
      ...item,
      columns: width,
      rows: height,
      domain: input.domain ?? [0, 255],
      colorMap: 'greys',
      captionColor: '#222222',
    })),
    {
      x: figureMargin,
      y: figureMargin + titleHeight,
      cellSize: Math.max(1, Math.round(48 / height)),
      perRow: input.perRow ?? (names === undefined ? 12 : 6),
      gap: 8,
      captionHeight: names === undefined ? 16 : 30,
    },
  );
  shapes.push(...grid.shapes);
  return {
    width: Math.max(420, grid.width + 2 * figureMargin, figureTitleWidth(title, subtitle)),
    height: figureMargin * 2 + titleHeight + grid.height,
    background: '#ffffff',
    shapes,
  };
}
