import type { Rgb } from '../color/rgb.js';

/** A raster image: `width * height` RGBA pixels, row-major, 4 bytes each. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** A `width x height` image filled with one opaque colour. */
export function createRgbaImage(width: number, height: number, background: Rgb): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let offset = 0; offset < data.length; offset += 4) {
    data[offset] = background[0];
    data[offset + 1] = background[1];
    data[offset + 2] = background[2];
    data[offset + 3] = 255;
  }
  return { width, height, data };
}

/** Paints `color` over pixel (`x`, `y`) with opacity `alpha` (0..1); ignores pixels outside. */
export function blendPixel(
  image: RgbaImage,
  x: number,
  y: number,
  color: Rgb,
  alpha: number,
): void {
  if (alpha <= 0 || x < 0 || y < 0 || x >= image.width || y >= image.height) return;
  const offset = (y * image.width + x) * 4;
  const weight = Math.min(1, alpha);
  for (let channel = 0; channel < 3; channel += 1) {
    const current = image.data[offset + channel] ?? 0;
    image.data[offset + channel] = current + ((color[channel] ?? 0) - current) * weight;
  }
}

/** The RGBA bytes of pixel (`x`, `y`), for tests and previews. */
export function pixelAt(image: RgbaImage, x: number, y: number): [number, number, number, number] {
  const offset = (y * image.width + x) * 4;
  const { data } = image;
  return [data[offset] ?? 0, data[offset + 1] ?? 0, data[offset + 2] ?? 0, data[offset + 3] ?? 0];
}
