/** Which way round a picture's ink is. */
export type InkPolarity = 'auto' | 'light-on-dark' | 'dark-on-light';

/** A grayscale or colour picture, row-major, `width * height * channels` values. */
export interface Picture {
  /** The values, 0..`maxValue`; for 3 or 4 channels, interleaved RGB(A) as in `ImageData`. */
  pixels: ArrayLike<number>;
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** Values per pixel: 1 (gray, the default), 3 (RGB) or 4 (RGBA; alpha over white). */
  channels?: 1 | 3 | 4;
}

/** Options of {@link inkMap}. */
export interface InkMapOptions {
  /** Which way round the ink is. Default: `'auto'` (light border = dark ink on light paper). */
  polarity?: InkPolarity;
  /** The largest pixel value. Default: 255. */
  maxValue?: number;
  /** Map the border's typical level to 0 and the darkest ink to 1. Default: true. */
  stretchContrast?: boolean;
}

/**
 * Turns a picture into an ink map: one value per pixel in 0..1, 0 = paper, 1 = ink.
 *
 * @param picture - The picture.
 * @param options - Polarity, value range, contrast stretching.
 * @returns `width * height` values.
 */
export function inkMap(picture: Picture, options: InkMapOptions = {}): Float32Array {
  const gray = toGray(picture, options.maxValue ?? 255);
  const border = borderValues(gray, picture.width, picture.height);
  const polarity = options.polarity ?? 'auto';
  const invert = polarity === 'dark-on-light' || (polarity === 'auto' && median(border) > 0.5);
  if (invert) gray.forEach((value, index) => (gray[index] = 1 - value));
  if (options.stretchContrast === false) return gray;
  const paper = invert ? 1 - median(border) : median(border);
  const darkest = gray.reduce((largest, value) => Math.max(largest, value), 0);
  const range = darkest - paper;
  gray.forEach(
    (value, index) =>
      (gray[index] = range > 0 ? Math.min(1, Math.max(0, (value - paper) / range)) : 0),
  );
  return gray;
}

function toGray(picture: Picture, maxValue: number): Float32Array {
  const { pixels, width, height } = picture;
  const channels = picture.channels ?? 1;
  const gray = new Float32Array(width * height);
  for (let index = 0; index < gray.length; index += 1) {
    const base = index * channels;
    const value = (pixels[base] ?? 0) / maxValue;
    if (channels === 1) {
      gray[index] = value;
      continue;
    }
    const luminance =
      0.299 * value +
      (0.587 * (pixels[base + 1] ?? 0) + 0.114 * (pixels[base + 2] ?? 0)) / maxValue;
    const alpha = channels === 4 ? (pixels[base + 3] ?? maxValue) / maxValue : 1;
    gray[index] = luminance * alpha + (1 - alpha);
  }
  return gray;
}

function borderValues(gray: Float32Array, width: number, height: number): number[] {
  const values: number[] = [];
  for (let x = 0; x < width; x += 1) values.push(gray[x] ?? 0, gray[(height - 1) * width + x] ?? 0);
  for (let y = 1; y < height - 1; y += 1)
    values.push(gray[y * width] ?? 0, gray[y * width + width - 1] ?? 0);
  return values;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
