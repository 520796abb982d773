import { downsampleAndCenter, padImages, paperScale, type ImageBatch } from '@lenet/data';
import type { InputPreparation } from './web-models.js';

/**
 * Turns 28x28 MNIST digits into what a model reads, as `lenet train` does: padded to 32x32
 * (LeNet-5) or scaled into a 16x16 box centred in 28x28 (LeNet-1), then mapped to the
 * paper's range (background -0.1, ink 1.175). Pixels are `[count, size, size, 1]` row-major.
 */
export function modelInputs(batch: ImageBatch<Uint8Array>, preparation: InputPreparation): { pixels: Float32Array; size: number } {
  const prepared = preparation === 'pad-to-32' ? padImages(batch, { padding: 2 }) : downsampleAndCenter(batch, { size: 16, fieldSize: 28 });
  return { pixels: paperScale(prepared.images), size: prepared.width };
}
