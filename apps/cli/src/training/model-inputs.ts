import { downsampleAndCenter, padImages, paperScale, type ImageBatch } from '@lenet/data';
import type { InputPreparation } from './model-catalog.js';

/**
 * Places 28x28 MNIST digits as a model reads them, still as bytes (0 background, 255 ink):
 * padded to 32x32 (LeNet-4/5) or scaled into a 16x16 box centred in 28x28 (LeNet-1).
 */
export function placeDigits(batch: ImageBatch<Uint8Array>, preparation: InputPreparation): ImageBatch<Uint8Array> {
  return preparation === 'pad-to-32' ? padImages(batch, { padding: 2 }) : downsampleAndCenter(batch, { size: 16, fieldSize: 28 });
}

/**
 * Turns 28x28 MNIST digits into what a model reads: placed by {@link placeDigits}, then mapped
 * to the paper's range (background -0.1, ink 1.175). Returns the pixels, `[count, size, size, 1]`
 * row-major.
 */
export function modelInputs(batch: ImageBatch<Uint8Array>, preparation: InputPreparation): { pixels: Float32Array; size: number } {
  return scaledInputs(placeDigits(batch, preparation));
}

/** Digits already placed by {@link placeDigits}, mapped to the paper's range, as {@link modelInputs} returns them. */
export function scaledInputs(placed: ImageBatch<Uint8Array>): { pixels: Float32Array; size: number } {
  return { pixels: paperScale(placed.images), size: placed.width };
}
