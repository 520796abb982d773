/** One output pixel's sources along an axis: first source index and the weight of each. */
interface Span {
  first: number;
  weights: number[];
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
export function resampleArea(source: ArrayLike<number>, sourceWidth: number, sourceHeight: number, targetWidth: number, targetHeight: number): Float32Array {
  const columns = spans(sourceWidth, targetWidth);
  const rows = spans(sourceHeight, targetHeight);
  const horizontal = new Float32Array(sourceHeight * targetWidth);
  for (let y = 0; y < sourceHeight; y += 1) {
    columns.forEach((span, x) => {
      horizontal[y * targetWidth + x] = weightedSum(span, (index) => source[y * sourceWidth + index] ?? 0);
    });
  }
  const output = new Float32Array(targetHeight * targetWidth);
  rows.forEach((span, y) => {
    for (let x = 0; x < targetWidth; x += 1) output[y * targetWidth + x] = weightedSum(span, (index) => horizontal[index * targetWidth + x] ?? 0);
  });
  return output;
}

function spans(sourceSize: number, targetSize: number): Span[] {
  const step = sourceSize / targetSize;
  return Array.from({ length: targetSize }, (_, target) => {
    const start = target * step;
    const end = start + step;
    const first = Math.floor(start);
    const weights: number[] = [];
    for (let index = first; index < Math.min(Math.ceil(end), sourceSize); index += 1) {
      weights.push((Math.min(end, index + 1) - Math.max(start, index)) / step);
    }
    return { first, weights };
  });
}

function weightedSum(span: Span, read: (index: number) => number): number {
  let sum = 0;
  span.weights.forEach((weight, offset) => (sum += weight * read(span.first + offset)));
  return sum;
}
