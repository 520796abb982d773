import { PNG } from 'pngjs';
import type { RgbaImage } from '../raster/rgba-image.js';

/** Decodes PNG bytes with pngjs, an independent decoder, to check our encoder against. */
export function decodePng(bytes: Uint8Array): RgbaImage {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data) };
}
