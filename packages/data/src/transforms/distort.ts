import { allocateLike, storePixel } from './image-batch.js';
import type { ImageBatch, PixelArray } from './image-batch.js';
import { uniform } from './random.js';
import type { Random } from './random.js';

/** The largest distortions drawn; each parameter is uniform in `[-limit, +limit]`. */
export interface DistortionLimits {
  /** Translation in pixels, each axis. Default: 2. */
  translation?: number;
  /** Relative scaling: factor in `1 ± scaling`. Default: 0.1. */
  scaling?: number;
  /** Squeezing: width times `1 + s`, height divided by it. Default: 0.1. */
  squeezing?: number;
  /** Horizontal shear: `x += shear * y`. Default: 0.2. */
  shear?: number;
}

/** One planar affine distortion, applied about the image centre. */
export interface AffineDistortion {
  /** Horizontal shift in pixels. */
  translateX: number;
  /** Vertical shift in pixels. */
  translateY: number;
  /** Uniform scaling factor. */
  scale: number;
  /** Squeeze: width times `1 + squeeze`, height divided by it. */
  squeeze: number;
  /** Horizontal shear factor. */
  shear: number;
}

/**
 * Draws one random distortion from the paper's four planar affine families.
 *
 * @param random - The random source, such as `createRandom(seed)`.
 * @param limits - The largest distortions (defaults: 2 px, 0.1, 0.1, 0.2; the paper gives no ranges).
 * @returns The distortion.
 * @see LeCun et al. 1998, section III.B (the 540,000 distorted training patterns)
 */
export function sampleDistortion(random: Random, limits: DistortionLimits = {}): AffineDistortion {
  const draw = (limit: number) => uniform(random, -limit, limit);
  const translation = limits.translation ?? 2;
  return {
    translateX: draw(translation),
    translateY: draw(translation),
    scale: 1 + draw(limits.scaling ?? 0.1),
    squeeze: draw(limits.squeezing ?? 0.1),
    shear: draw(limits.shear ?? 0.2),
  };
}

/**
 * Applies one affine distortion to one image, with bilinear interpolation; pixels mapped
 * from outside the image are background (0).
 *
 * @param image - Pixels, row-major, `width * height` values.
 * @param width - Image width.
 * @param height - Image height.
 * @param distortion - The distortion.
 * @returns A new image of the same array type.
 */
export function applyDistortion<T extends PixelArray>(
  image: T,
  width: number,
  height: number,
  distortion: AffineDistortion,
): T {
  const { translateX, translateY, scale, squeeze, shear } = distortion;
  const scaleX = scale * (1 + squeeze);
  const scaleY = scale / (1 + squeeze);
  const centerX = (width - 1) / 2;
  const centerY = (height - 1) / 2;
  const output = allocateLike(image, width * height);
  for (let y = 0; y < height; y += 1) {
    const sourceY = (y - centerY - translateY) / scaleY;
    for (let x = 0; x < width; x += 1) {
      const sourceX = (x - centerX - translateX - shear * scaleY * sourceY) / scaleX;
      storePixel(
        output,
        y * width + x,
        bilinear(image, width, height, sourceX + centerX, sourceY + centerY),
      );
    }
  }
  return output;
}

/**
 * Distorts every image of a batch with its own random planar affine distortion.
 *
 * @param batch - Images, layout `[count, height, width]`.
 * @param random - The random source; the same seed gives the same distortions.
 * @param limits - The largest distortions.
 * @returns A new batch of the same array type and shape.
 * @example
 * ```ts
 * const augmented = distort(mnist.train, createRandom(7));
 * ```
 * @see LeCun et al. 1998, section III.B
 */
export function distort<T extends PixelArray>(
  batch: ImageBatch<T>,
  random: Random,
  limits: DistortionLimits = {},
): ImageBatch<T> {
  const { count, height, width } = batch;
  const pixels = height * width;
  const output = allocateLike(batch.images, count * pixels);
  for (let image = 0; image < count; image += 1) {
    const source = batch.images.subarray(image * pixels, (image + 1) * pixels) as T;
    output.set(
      applyDistortion(source, width, height, sampleDistortion(random, limits)),
      image * pixels,
    );
  }
  return { images: output, count, height, width };
}

function bilinear(image: PixelArray, width: number, height: number, x: number, y: number): number {
  const left = Math.floor(x);
  const top = Math.floor(y);
  const fractionX = x - left;
  const fractionY = y - top;
  const at = (column: number, row: number) =>
    column < 0 || row < 0 || column >= width || row >= height
      ? 0
      : (image[row * width + column] ?? 0);
  const upper = at(left, top) * (1 - fractionX) + at(left + 1, top) * fractionX;
  const lower = at(left, top + 1) * (1 - fractionX) + at(left + 1, top + 1) * fractionX;
  return upper * (1 - fractionY) + lower * fractionY;
}
