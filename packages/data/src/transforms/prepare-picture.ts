import { fitImages } from './fit-images.js';
import { inkMap, type InkPolarity, type Picture } from './ink-map.js';
import { preprocessDigit } from './preprocess-digit.js';

/**
 * How a picture (a photo, a scan, a drawing) becomes an image of a data set: `digit`, MNIST's
 * normalisation (crop to the ink, fit in 20x20, centre of mass in the middle of 28x28);
 * `fit`, the whole picture scaled into 28x28 keeping its proportions, as Fashion-MNIST and
 * KMNIST were made; `none`, the picture's grey levels as they are (light = high), scaled the
 * same way. A data set descriptor's `pictures` says which suits it.
 */
export type PicturePreparation = 'digit' | 'fit' | 'none';

/** The values of {@link PicturePreparation}. */
export const PICTURE_PREPARATIONS: readonly PicturePreparation[] = ['digit', 'fit', 'none'];

/**
 * Prepares one picture as a 28x28 image of a data set: bytes, 0 = background, ink light as in
 * the IDX files. `digit` and `fit` find the paper from the border (or `polarity` says it);
 * `fit` keeps the ink's grey levels (no contrast stretching).
 *
 * @param picture - Gray, RGB or RGBA pixels (an `ImageData` fits).
 * @param preparation - How, usually the data set's `pictures`.
 * @param polarity - Which way round the ink is, for `digit` and `fit`. Default `auto`.
 * @returns 784 bytes.
 * @example
 * ```ts
 * const image = preparePicture(context.getImageData(0, 0, 280, 280), FASHION_MNIST.pictures ?? 'digit');
 * ```
 */
export function preparePicture(
  picture: Picture,
  preparation: PicturePreparation,
  polarity: InkPolarity = 'auto',
): Uint8Array {
  if (preparation === 'digit') return preprocessDigit(picture, { polarity });
  const levels = inkMap(picture, {
    polarity: preparation === 'none' ? 'light-on-dark' : polarity,
    stretchContrast: false,
  });
  const images = Uint8Array.from(levels, (level) => Math.round(level * 255));
  const { width, height } = picture;
  return fitImages({ images, labels: new Uint8Array(1), count: 1, height, width }, 28).images;
}
