/** The typed arrays that image transforms accept and return. */
export type PixelArray = Uint8Array | Uint8ClampedArray | Float32Array;

/**
 * `count` grayscale images of `height x width` pixels in one flat array, row-major:
 * layout `[count, height, width]`.
 */
export interface ImageBatch<T extends PixelArray = PixelArray> {
  /** The pixels, `count * height * width` values. */
  images: T;
  /** How many images. */
  count: number;
  /** Image height in pixels. */
  height: number;
  /** Image width in pixels. */
  width: number;
}

/** An {@link ImageBatch} with one class label per image. */
export interface LabeledImages<T extends PixelArray = Uint8Array> extends ImageBatch<T> {
  /** The labels, `count` values. */
  labels: Uint8Array;
}

/**
 * Allocates a zeroed array of the same type as `like`.
 *
 * @param like - The array whose type to copy.
 * @param length - The new array's length.
 */
export function allocateLike<T extends PixelArray>(like: T, length: number): T {
  const constructor = like.constructor as new (length: number) => T;
  return new constructor(length);
}

/**
 * Writes a value into a pixel array, rounding and clamping to 0..255 for integer arrays.
 *
 * @param target - The array.
 * @param index - The position.
 * @param value - The value to store.
 */
export function storePixel(target: PixelArray, index: number, value: number): void {
  target[index] =
    target instanceof Float32Array ? value : Math.min(255, Math.max(0, Math.round(value)));
}
