import type { ImageBatch } from './image-batch.js';
import { preprocessDigit } from './preprocess-digit.js';

/** Options of {@link downsampleAndCenter}. */
export interface DownsampleAndCenterOptions {
  /** The side of the box each digit is scaled into. Default: 16. */
  size?: number;
  /** The side of the output field. Default: 28. */
  fieldSize?: number;
}

/**
 * Makes LeNet-1's input: each digit cropped to its ink, down-sampled (area averaging, aspect
 * ratio kept) into a 16x16 box, and the box centred in the 28x28 field.
 *
 * @param batch - MNIST-style images (0 = background, 255 = ink), layout `[count, height, width]`.
 * @param options - Box size (default 16) and field size (default 28).
 * @returns A new uint8 batch `[count, fieldSize, fieldSize]`.
 * @example
 * ```ts
 * const lenet1Input = downsampleAndCenter(mnist.train);
 * ```
 * @see LeCun et al. 1998, section III.C (LeNet-1 on 16x16 digits); LeCun et al. 1989
 */
export function downsampleAndCenter(
  batch: ImageBatch<Uint8Array>,
  options: DownsampleAndCenterOptions = {},
): ImageBatch<Uint8Array> {
  const fieldSize = options.fieldSize ?? 28;
  const { count, height, width } = batch;
  const pixels = height * width;
  const output = new Uint8Array(count * fieldSize * fieldSize);
  for (let image = 0; image < count; image += 1) {
    const digit = preprocessDigit(
      { pixels: batch.images.subarray(image * pixels, (image + 1) * pixels), width, height },
      {
        polarity: 'light-on-dark',
        stretchContrast: false,
        boxSize: options.size ?? 16,
        fieldSize,
        center: 'box',
      },
    );
    output.set(digit, image * fieldSize * fieldSize);
  }
  return { images: output, count, height: fieldSize, width: fieldSize };
}
