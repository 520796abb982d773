import { downsampleAndCenter, padImages, paperScale, type ImageBatch } from '@lenet/data';
import type { InputPreparation } from './model-catalogue.js';

/** Pixels as a model reads them: `[count, side, side, 1]` row-major, in the paper's range. */
export interface ModelInputs {
  readonly pixels: Float32Array;
  /** The side of each (square) image: 32 for LeNet-4/5, 28 for LeNet-1. */
  readonly size: number;
}

/**
 * The side of the images a preparation makes: 32 for `pad-to-32`, 28 for
 * `downsample-to-16-in-28` (a 16x16 digit in a 28x28 field).
 */
export function inputSide(preparation: InputPreparation): number {
  return preparation === 'pad-to-32' ? 32 : 28;
}

/**
 * Places 28x28 MNIST digits as a model reads them, still as bytes (0 background, 255 ink):
 * padded to 32x32 (LeNet-4/5) or scaled into a 16x16 box centred in 28x28 (LeNet-1).
 *
 * @param batch - 28x28 digits, `[count, 28, 28]` row-major.
 * @param preparation - The model's {@link InputPreparation}.
 * @see LeCun et al. 1998, Section III.A; LeNet-1: Section III.C.
 */
export function placeDigits(
  batch: ImageBatch<Uint8Array>,
  preparation: InputPreparation,
): ImageBatch<Uint8Array> {
  return preparation === 'pad-to-32'
    ? padImages(batch, { padding: 2 })
    : downsampleAndCenter(batch, { size: 16, fieldSize: 28 });
}

/**
 * Digits already placed by {@link placeDigits}, mapped to the paper's range (background -0.1,
 * ink 1.175), as {@link modelInputs} returns them.
 */
export function scaledInputs(placed: ImageBatch<Uint8Array>): ModelInputs {
  return { pixels: paperScale(placed.images), size: placed.width };
}

/**
 * Turns 28x28 MNIST digits into what a model reads: placed by {@link placeDigits}, then mapped
 * to the paper's range (background -0.1, ink 1.175).
 *
 * @param batch - 28x28 digits (0 background, 255 ink), `[count, 28, 28]` row-major.
 * @param preparation - The model's {@link InputPreparation}.
 * @returns The pixels, `[count, size, size, 1]` row-major, and the side `size`.
 * @example
 * ```ts
 * const { pixels, size } = modelInputs({ images: digit, count: 1, height: 28, width: 28 }, 'pad-to-32');
 * const output = model.predict(tf.tensor4d(pixels, [1, size, size, 1]));
 * ```
 */
export function modelInputs(
  batch: ImageBatch<Uint8Array>,
  preparation: InputPreparation,
): ModelInputs {
  return scaledInputs(placeDigits(batch, preparation));
}
