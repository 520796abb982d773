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
}

/**
 * Every misclassified image with `true->predicted` above it, as in Fig. 8 of the paper.
 *
 * @throws {FigureInputError} When image and label counts disagree.
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
  const subtitle = `${wrong.length} of ${images.length} test images (${((100 * wrong.length) / Math.max(1, images.length)).toFixed(2)}%), true->predicted`;
  const shapes: Shape[] = figureTitle(input.title ?? 'Misclassified test digits', subtitle);
  const grid = imageGrid(
    wrong.map((item) => ({ ...item, columns: width, rows: height, domain: input.domain ?? [0, 255], colorMap: 'greys', captionColor: '#222222' })),
    { x: figureMargin, y: figureMargin + titleHeight, cellSize: Math.max(1, Math.round(48 / height)), perRow: input.perRow ?? 12, gap: 8, captionHeight: 16 },
  );
  shapes.push(...grid.shapes);
  return {
    width: Math.max(420, grid.width + 2 * figureMargin),
    height: figureMargin * 2 + titleHeight + grid.height,
    background: '#ffffff',
    shapes,
  };
}
