import {
  applyDistortion,
  createRandom,
  sampleDistortion,
  shuffledIndices,
  type DatasetSplit,
  type LabeledImages,
} from '@lenet/data';
import { mixSeed } from './mix-seed.js';

/**
 * Copies of each training digit in the distorted pool: the original and 9 distortions, so that
 * MNIST's 60,000 digits make the paper's 60,000 + 540,000 patterns.
 */
export const POOL_COPIES = 10;
/** Keeps the pool's random streams apart from the other streams of a run. */
const poolStream = 0xd157;

/**
 * The pool patterns an epoch trains on, in order: `count` items of a pool of `count *
 * POOL_COPIES` (item k is copy `floor(k / count)` of digit `k % count`, copy 0 the original).
 * Every run of POOL_COPIES epochs goes through the whole pool once, in an order fixed by the
 * seed, so 20 epochs of 60,000 are the paper's "20 passes of 60,000 patterns" drawn from its
 * 600,000 (each pattern twice).
 *
 * @see LeCun et al. 1998, Section III.C ("the total length of the training session was left unchanged").
 */
export function poolItemsOfEpoch(count: number, seed: number, epoch: number): Uint32Array {
  const cycle = Math.floor(epoch / POOL_COPIES);
  const order = shuffledIndices(
    count * POOL_COPIES,
    createRandom(mixSeed(seed, cycle, poolStream)),
  );
  const start = (epoch % POOL_COPIES) * count;
  return order.subarray(start, start + count);
}

/**
 * The images and labels of pool items: originals as they are, each distorted copy with its own
 * planar affine distortion drawn from the seed, the copy and the digit, so an item is the same
 * image whenever it is drawn.
 */
export function poolPatterns(
  train: DatasetSplit,
  items: readonly number[],
  seed: number,
): LabeledImages {
  const pixels = train.height * train.width;
  const images = new Uint8Array(items.length * pixels);
  const labels = new Uint8Array(items.length);
  items.forEach((item, position) => {
    const digit = item % train.count;
    const copy = Math.floor(item / train.count);
    const original = train.images.subarray(digit * pixels, (digit + 1) * pixels);
    const image =
      copy === 0
        ? original
        : applyDistortion(
            original,
            train.width,
            train.height,
            sampleDistortion(createRandom(mixSeed(seed, copy, digit, poolStream))),
          );
    images.set(image, position * pixels);
    labels[position] = train.labels[digit] ?? 0;
  });
  return { images, labels, count: items.length, height: train.height, width: train.width };
}
