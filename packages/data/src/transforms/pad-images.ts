import { allocateLike } from './image-batch.js';
import type { ImageBatch, PixelArray } from './image-batch.js';
import { TransformArgumentError } from '../errors/transform-argument-error.js';

/** Options of {@link padImages}. */
export interface PadImagesOptions {
  /** Pixels added on each side. Default: 2 (28x28 becomes LeNet-5's 32x32). */
  padding?: number;
  /** The value of the added pixels. Default: 0 (MNIST's background). */
  value?: number;
}

/**
 * Pads every image of a batch with a border of background pixels.
 *
 * @param batch - Images, layout `[count, height, width]`.
 * @param options - Border width (default 2) and value (default 0).
 * @returns A new batch of the same array type, `[count, height + 2p, width + 2p]`.
 * @throws RangeError when `padding` is negative or not an integer.
 * @example
 * ```ts
 * const padded = padImages(mnist.test); // 10000 images of 32x32
 * ```
 * @see LeCun et al. 1998, section II.B (the 32x32 input)
 */
export function padImages<T extends PixelArray>(
  batch: ImageBatch<T>,
  options: PadImagesOptions = {},
): ImageBatch<T> {
  const padding = options.padding ?? 2;
  if (!Number.isInteger(padding) || padding < 0)
    throw new TransformArgumentError(
      'padImages',
      `padding must be a non-negative integer, got ${padding}.`,
    );
  const { images, count, height, width } = batch;
  const paddedHeight = height + 2 * padding;
  const paddedWidth = width + 2 * padding;
  const output = allocateLike(images, count * paddedHeight * paddedWidth);
  if (options.value !== undefined && options.value !== 0) output.fill(options.value);
  for (let image = 0; image < count; image += 1) {
    for (let row = 0; row < height; row += 1) {
      const from = (image * height + row) * width;
      const to = (image * paddedHeight + row + padding) * paddedWidth + padding;
      output.set(images.subarray(from, from + width), to);
    }
  }
  return { images: output, count, height: paddedHeight, width: paddedWidth };
}
