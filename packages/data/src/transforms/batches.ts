import { allocateLike } from './image-batch.js';
import type { LabeledImages, PixelArray } from './image-batch.js';
import { shuffledIndices } from './random.js';
import type { Random } from './random.js';
import { TransformArgumentError } from '../errors/transform-argument-error.js';

/** Options of {@link batches}. */
export interface BatchesOptions {
  /** Images per batch. */
  batchSize: number;
  /** Shuffle with this source first; leave out to keep the order. */
  random?: Random;
  /** Leave out a last batch smaller than `batchSize`. Default: false. */
  dropRemainder?: boolean;
}

/**
 * Splits labelled images into batches, optionally shuffled by a seeded random source.
 *
 * @param data - Images `[count, height, width]` and labels.
 * @param options - Batch size, random source, whether to drop the remainder.
 * @returns A generator of batches (copies), each with its own images, labels and count.
 * @throws RangeError when `batchSize` is not a positive integer.
 * @example
 * ```ts
 * for (const batch of batches(mnist.train, { batchSize: 32, random: createRandom(1) })) {
 *   // batch.images: Uint8Array of 32 * 784 pixels, batch.labels: 32 labels
 * }
 * ```
 */
export function* batches<T extends PixelArray>(
  data: LabeledImages<T>,
  options: BatchesOptions,
): Generator<LabeledImages<T>> {
  const { batchSize } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new TransformArgumentError(
      'batches',
      `batchSize must be a positive integer, got ${batchSize}.`,
    );
  const order =
    options.random === undefined ? undefined : shuffledIndices(data.count, options.random);
  const end = options.dropRemainder === true ? data.count - (data.count % batchSize) : data.count;
  for (let start = 0; start < end; start += batchSize) {
    const size = Math.min(batchSize, end - start);
    const indices = Array.from(
      { length: size },
      (_, offset) => order?.[start + offset] ?? start + offset,
    );
    yield gather(data, indices);
  }
}

/**
 * Copies the chosen images and labels into a new batch.
 *
 * @param data - Images and labels.
 * @param indices - Which items, in the order wanted.
 */
export function gather<T extends PixelArray>(
  data: LabeledImages<T>,
  indices: readonly number[],
): LabeledImages<T> {
  const pixels = data.height * data.width;
  const images = allocateLike(data.images, indices.length * pixels);
  const labels = new Uint8Array(indices.length);
  indices.forEach((item, position) => {
    images.set(data.images.subarray(item * pixels, (item + 1) * pixels), position * pixels);
    labels[position] = data.labels[item] ?? 0;
  });
  return { images, labels, count: indices.length, height: data.height, width: data.width };
}
