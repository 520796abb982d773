/** A mean and a standard deviation. */
export interface PixelStatistics {
  /** The mean. */
  mean: number;
  /** The (population) standard deviation. */
  std: number;
}

/**
 * Computes the mean and standard deviation of pixel values (in double precision).
 *
 * @param pixels - Any values.
 * @returns The mean and population standard deviation; both 0 for no values.
 */
export function pixelStatistics(pixels: ArrayLike<number>): PixelStatistics {
  const count = pixels.length;
  if (count === 0) return { mean: 0, std: 0 };
  let sum = 0;
  for (let index = 0; index < count; index += 1) sum += pixels[index] ?? 0;
  const mean = sum / count;
  let squares = 0;
  for (let index = 0; index < count; index += 1) squares += ((pixels[index] ?? 0) - mean) ** 2;
  return { mean, std: Math.sqrt(squares / count) };
}

/**
 * Scales values to zero mean and unit standard deviation: `(x - mean) / std`.
 *
 * Pass the training set's statistics when scaling a test set, so both use the same scale.
 *
 * @param pixels - Any values.
 * @param statistics - The mean and standard deviation to use. Default: those of `pixels`.
 * @returns A new `Float32Array`; a zero `std` is treated as 1.
 * @example
 * ```ts
 * const statistics = pixelStatistics(train.images);
 * const testInput = standardize(test.images, statistics);
 * ```
 */
export function standardize(
  pixels: ArrayLike<number>,
  statistics: PixelStatistics = pixelStatistics(pixels),
): Float32Array {
  const { mean } = statistics;
  const std = statistics.std === 0 ? 1 : statistics.std;
  const output = new Float32Array(pixels.length);
  for (let index = 0; index < pixels.length; index += 1)
    output[index] = ((pixels[index] ?? 0) - mean) / std;
  return output;
}
