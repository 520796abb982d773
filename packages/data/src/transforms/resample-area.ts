/** For each output pixel along one axis: its first source pixel and the overlap weights. */
interface AxisSpans {
  first: Int32Array;
  /** `weights[target * width + offset]`, `width` slots per target. */
  weights: Float64Array;
  width: number;
}

/**
 * Resizes a one-channel image by area averaging: each output pixel is the mean of the
 * source area it covers, fractional pixels weighted by their overlap. This is the
 * anti-aliased resizing MNIST's normalisation used.
 *
 * @param source - Pixels, row-major, `sourceWidth * sourceHeight` values.
 * @param sourceWidth - Source width.
 * @param sourceHeight - Source height.
 * @param targetWidth - Output width (at least 1).
 * @param targetHeight - Output height (at least 1).
 * @returns The resized image, `targetWidth * targetHeight` values.
 */
export function resampleArea(
  source: ArrayLike<number>,
  sourceWidth: number,
  sourceHeight: number,
  targetWidth: number,
  targetHeight: number,
): Float32Array {
  const columns = axisSpans(sourceWidth, targetWidth);
  const rows = axisSpans(sourceHeight, targetHeight);
  const horizontal = new Float64Array(sourceHeight * targetWidth);
  for (let y = 0; y < sourceHeight; y += 1) {
    for (let x = 0; x < targetWidth; x += 1) {
      const start = y * sourceWidth + (columns.first[x] ?? 0);
      let sum = 0;
      for (let offset = 0; offset < columns.width; offset += 1)
        sum += (columns.weights[x * columns.width + offset] ?? 0) * (source[start + offset] ?? 0);
      horizontal[y * targetWidth + x] = sum;
    }
  }
  const output = new Float32Array(targetHeight * targetWidth);
  for (let y = 0; y < targetHeight; y += 1) {
    const first = rows.first[y] ?? 0;
    for (let x = 0; x < targetWidth; x += 1) {
      let sum = 0;
      for (let offset = 0; offset < rows.width; offset += 1)
        sum +=
          (rows.weights[y * rows.width + offset] ?? 0) *
          (horizontal[(first + offset) * targetWidth + x] ?? 0);
      output[y * targetWidth + x] = sum;
    }
  }
  return output;
}

function axisSpans(sourceSize: number, targetSize: number): AxisSpans {
  const step = sourceSize / targetSize;
  const width = Math.ceil(step) + 1;
  const first = new Int32Array(targetSize);
  const weights = new Float64Array(targetSize * width);
  for (let target = 0; target < targetSize; target += 1) {
    const start = target * step;
    const end = start + step;
    first[target] = Math.floor(start);
    for (let index = Math.floor(start); index < Math.min(Math.ceil(end), sourceSize); index += 1) {
      weights[target * width + index - Math.floor(start)] =
        (Math.min(end, index + 1) - Math.max(start, index)) / step;
    }
  }
  return { first, weights, width };
}
