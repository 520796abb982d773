import type { Domain } from '../color/color-maps.js';
import type { Scene, Shape } from '../scene/scene.js';
import { FigureInputError } from '../figure-input-error.js';
import { figureMargin, figureTitle, titleHeight } from './figure-title.js';
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
  /** Images per row. Default 12. */
  readonly perRow?: number;
  /** Default `Misclassified test digits`. */
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
 * Every misclassified image with `true->predicted` above it, as in Fig. 8 of the paper.
 *
 * @throws {FigureInputError} When image and label counts disagree, or `tested` / `errors` are fewer than the images and errors given.
 * @see LeCun et al. 1998, Fig. 8 (the 82 test errors of LeNet-5).
 * @example
 * ```ts
 * const scene = misclassifiedGalleryFigure({ images: testImages, trueLabels, predictedLabels });
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
  const wrong = images.flatMap((values, index) => {
    const [truth, predicted] = [input.trueLabels[index], input.predictedLabels[index]];
    return truth === predicted ? [] : [{ values, caption: `${truth ?? '?'}->${predicted ?? '?'}` }];
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
  const subtitle = `${errors.toLocaleString('en-US')} of ${tested.toLocaleString('en-US')} test images misclassified (${((100 * errors) / Math.max(1, tested)).toFixed(2)}%)${shown}, true->predicted`;
  const shapes: Shape[] = figureTitle(input.title ?? 'Misclassified test digits', subtitle);
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
      perRow: input.perRow ?? 12,
      gap: 8,
      captionHeight: 16,
    },
  );
  shapes.push(...grid.shapes);
  return {
    width: Math.max(420, grid.width + 2 * figureMargin),
    height: figureMargin * 2 + titleHeight + grid.height,
    background: '#ffffff',
    shapes,
  };
}
