import * as tf from '@tensorflow/tfjs';
import type { ImageBatch } from './image-batch.js';
import { PAPER_BACKGROUND, PAPER_INK } from './paper-scale.js';
import type { PixelStatistics } from './standardize.js';

/** How {@link imagesToTensor} scales pixel values. */
export type PixelScaling = 'paper' | 'unit' | 'none' | PixelStatistics;

/**
 * Scales a tensor of MNIST pixels (0..255) to the paper's range: `x * 1.275 / 255 - 0.1`.
 *
 * @param pixels - Any shape, values 0..255.
 * @returns A new float32 tensor of the same shape (the input is not disposed).
 * @see LeCun et al. 1998, section II.B
 */
export function paperScaleTensor<R extends tf.Rank>(pixels: tf.Tensor<R>): tf.Tensor<R> {
  return tf.tidy(() =>
    pixels
      .toFloat()
      .mul((PAPER_INK - PAPER_BACKGROUND) / 255)
      .add(PAPER_BACKGROUND),
  );
}

/**
 * Scales a tensor to zero mean and unit standard deviation with given statistics.
 *
 * @param values - Any shape.
 * @param statistics - The mean and standard deviation (a zero `std` counts as 1).
 * @returns A new float32 tensor of the same shape.
 */
export function standardizeTensor<R extends tf.Rank>(
  values: tf.Tensor<R>,
  statistics: PixelStatistics,
): tf.Tensor<R> {
  const std = statistics.std === 0 ? 1 : statistics.std;
  return tf.tidy(() => values.toFloat().sub(statistics.mean).div(std));
}

/**
 * Pads a batch of images on each side, as {@link padImages} does for typed arrays.
 *
 * @param images - Layout `[batch, height, width, channels]`.
 * @param padding - Pixels added on each side. Default: 2 (28x28 becomes 32x32).
 * @param value - The value of the added pixels. Default: 0; pass -0.1 after {@link paperScaleTensor}.
 * @returns A new tensor `[batch, height + 2p, width + 2p, channels]`.
 */
export function padImagesTensor(images: tf.Tensor4D, padding = 2, value = 0): tf.Tensor4D {
  return tf.pad(
    images,
    [
      [0, 0],
      [padding, padding],
      [padding, padding],
      [0, 0],
    ],
    value,
  );
}

/**
 * Turns a batch of images into a float32 tensor ready for a model.
 *
 * @param batch - Images, layout `[count, height, width]`.
 * @param scaling - `'paper'` (default: -0.1..1.175), `'unit'` (0..1), `'none'`, or a mean and standard deviation.
 * @returns A tensor `[count, height, width, 1]`.
 * @example
 * ```ts
 * const input = imagesToTensor(padImages(mnist.test)); // [10000, 32, 32, 1], paper scaling
 * ```
 */
export function imagesToTensor(batch: ImageBatch, scaling: PixelScaling = 'paper'): tf.Tensor4D {
  return tf.tidy(() => {
    const { images } = batch;
    const values =
      images instanceof Uint8ClampedArray
        ? new Uint8Array(images.buffer, images.byteOffset, images.length)
        : images;
    const pixels = tf.tensor4d(values, [batch.count, batch.height, batch.width, 1], 'float32');
    if (scaling === 'paper') return paperScaleTensor(pixels);
    if (scaling === 'unit') return pixels.div<tf.Tensor4D>(255);
    if (scaling === 'none') return pixels;
    return standardizeTensor(pixels, scaling);
  });
}

/**
 * Turns labels into a one-hot float32 tensor.
 *
 * @param labels - Class indices.
 * @param classes - The number of classes. Default: 10.
 * @returns A tensor `[count, classes]`.
 */
export function labelsToTensor(labels: Uint8Array, classes = 10): tf.Tensor2D {
  return tf.tidy(() => (tf.oneHot(tf.tensor1d(labels, 'int32'), classes) as tf.Tensor2D).toFloat());
}
