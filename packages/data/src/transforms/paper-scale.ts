/** The paper's input value for background (white) pixels. */
export const PAPER_BACKGROUND = -0.1;
/** The paper's input value for ink (black) pixels. */
export const PAPER_INK = 1.175;

/**
 * Scales MNIST pixels (0 = background, 255 = ink) to the paper's range: background -0.1,
 * ink 1.175, so the mean input is about 0 and the variance about 1.
 *
 * Computes `x * 1.275 / 255 - 0.1` for each pixel.
 *
 * @param pixels - Values in 0..255.
 * @returns A new `Float32Array` of the same length.
 * @see LeCun et al. 1998, section II.B
 */
export function paperScale(pixels: ArrayLike<number>): Float32Array {
  const factor = (PAPER_INK - PAPER_BACKGROUND) / 255;
  const output = new Float32Array(pixels.length);
  for (let index = 0; index < pixels.length; index += 1)
    output[index] = (pixels[index] ?? 0) * factor + PAPER_BACKGROUND;
  return output;
}
