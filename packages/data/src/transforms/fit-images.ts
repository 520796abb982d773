import type { LabeledImages } from './image-batch.js';
import { resampleArea } from './resample-area.js';

/**
 * Fits images of any size into `size x size` images: each is scaled by area averaging until
 * its longer side is `size` (keeping its proportions), then centred on a background of 0.
 * Images already `size x size` are returned as they are.
 *
 * @param split - uint8 images `[count, height, width]` and their labels.
 * @param size - The side of the output images, such as 28 for the LeNets' MNIST-sized inputs.
 * @returns The same labels with `size x size` uint8 images.
 * @example
 * ```ts
 * const fitted = fitImages(dataset.train, 28); // 16x12 letters as 28x28 images, 28x21 centred
 * ```
 */
export function fitImages<T extends LabeledImages>(split: T, size: number): T {
  const { count, height, width } = split;
  if (height === size && width === size) return split;
  const scale = size / Math.max(height, width);
  const innerHeight = Math.max(1, Math.round(height * scale));
  const innerWidth = Math.max(1, Math.round(width * scale));
  const top = Math.floor((size - innerHeight) / 2);
  const left = Math.floor((size - innerWidth) / 2);
  const images = new Uint8Array(count * size * size);
  for (let image = 0; image < count; image += 1) {
    const source = split.images.subarray(image * height * width, (image + 1) * height * width);
    const resized = resampleArea(source, width, height, innerWidth, innerHeight);
    for (let row = 0; row < innerHeight; row += 1)
      for (let column = 0; column < innerWidth; column += 1)
        images[image * size * size + (top + row) * size + left + column] = Math.round(
          resized[row * innerWidth + column]!,
        );
  }
  return { ...split, images, height: size, width: size };
}
