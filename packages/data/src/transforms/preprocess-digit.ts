import { inkMap } from './ink-map.js';
import type { InkMapOptions, Picture } from './ink-map.js';
import { resampleArea } from './resample-area.js';

/** Options of {@link preprocessDigit}. */
export interface PreprocessDigitOptions extends InkMapOptions {
  /** The side of the box the digit is scaled into, aspect ratio kept. Default: 20. */
  boxSize?: number;
  /** The side of the output field. Default: 28. */
  fieldSize?: number;
  /** Centre the box by the digit's centre of mass (`'mass'`, MNIST's way) or geometrically (`'box'`). Default: `'mass'`. */
  center?: 'mass' | 'box';
  /** Ink level (0..1) above which a pixel counts when cropping to the ink. Default: 0.1. */
  threshold?: number;
}

/** The smallest rectangle holding the ink. */
interface Bounds {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Normalises any picture of one digit the way MNIST was made: crop to the ink, scale into a
 * 20x20 box keeping the aspect ratio with area averaging (anti-aliased), and centre it by
 * its centre of mass in a 28x28 field. Drawn and photographed digits need this before a
 * LeNet trained on MNIST can read them. Either polarity is accepted (auto-detected from
 * the border by default).
 *
 * @param picture - Gray, RGB or RGBA pixels with their width and height (an `ImageData` fits).
 * @param options - Polarity, box and field size, centring, crop threshold.
 * @returns `fieldSize * fieldSize` bytes, 0 = background, 255 = ink (all 0 for a blank picture).
 * @example
 * ```ts
 * const input = preprocessDigit(context.getImageData(0, 0, 280, 280));
 * ```
 * @see LeCun et al. 1998, section III.A (how MNIST was normalised)
 */
export function preprocessDigit(
  picture: Picture,
  options: PreprocessDigitOptions = {},
): Uint8Array {
  const boxSize = options.boxSize ?? 20;
  const fieldSize = options.fieldSize ?? 28;
  const ink = inkMap(picture, options);
  const output = new Uint8Array(fieldSize * fieldSize);
  const bounds = inkBounds(ink, picture.width, picture.height, options.threshold ?? 0.1);
  if (bounds === undefined) return output;
  const scale = boxSize / Math.max(bounds.width, bounds.height);
  const width = Math.max(1, Math.round(bounds.width * scale));
  const height = Math.max(1, Math.round(bounds.height * scale));
  const box = resampleArea(
    crop(ink, picture.width, bounds),
    bounds.width,
    bounds.height,
    width,
    height,
  );
  const [left, top] = placement(box, width, height, fieldSize, options.center ?? 'mass');
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1)
      output[(top + y) * fieldSize + left + x] = Math.round(
        255 * Math.min(1, box[y * width + x] ?? 0),
      );
  }
  return output;
}

function inkBounds(
  ink: Float32Array,
  width: number,
  height: number,
  threshold: number,
): Bounds | undefined {
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  ink.forEach((value, index) => {
    if (value <= threshold) return;
    const x = index % width;
    const y = Math.floor(index / width);
    left = Math.min(left, x);
    right = Math.max(right, x);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
  });
  return right < 0 ? undefined : { left, top, width: right - left + 1, height: bottom - top + 1 };
}

function crop(ink: Float32Array, width: number, bounds: Bounds): Float32Array {
  const output = new Float32Array(bounds.width * bounds.height);
  for (let y = 0; y < bounds.height; y += 1) {
    const from = (bounds.top + y) * width + bounds.left;
    output.set(ink.subarray(from, from + bounds.width), y * bounds.width);
  }
  return output;
}

/**
 * The top-left corner of the box in the field, clamped so the box stays inside. The centre
 * of mass (in pixel indices) goes to pixel `fieldSize / 2`, MNIST's convention: its digits
 * have their centre of mass at pixel 14 of 28 on average.
 */
function placement(
  box: Float32Array,
  width: number,
  height: number,
  fieldSize: number,
  center: 'mass' | 'box',
): [number, number] {
  const clamp = (value: number, size: number) => Math.min(fieldSize - size, Math.max(0, value));
  if (center === 'box')
    return [Math.floor((fieldSize - width) / 2), Math.floor((fieldSize - height) / 2)];
  let mass = 0;
  let sumX = 0;
  let sumY = 0;
  box.forEach((value, index) => {
    mass += value;
    sumX += value * (index % width);
    sumY += value * Math.floor(index / width);
  });
  if (mass === 0)
    return [Math.floor((fieldSize - width) / 2), Math.floor((fieldSize - height) / 2)];
  return [
    clamp(Math.round(fieldSize / 2 - sumX / mass), width),
    clamp(Math.round(fieldSize / 2 - sumY / mass), height),
  ];
}
