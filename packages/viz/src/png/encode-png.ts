import type { RgbaImage } from '../raster/rgba-image.js';
import { crc32 } from './crc32.js';
import { storedZlib } from './stored-zlib.js';

/** Turns raw bytes into a complete zlib stream (header, deflate data, Adler-32). */
export type ZlibCompress = (bytes: Uint8Array) => Uint8Array;

/** Options of {@link encodePng}. */
export interface EncodePngOptions {
  /**
   * The zlib compressor. Default: uncompressed stored blocks (pure JavaScript, valid but
   * large); the `@lenet/viz/node` entry passes `node:zlib`'s `deflateSync`.
   */
  readonly compress?: ZlibCompress;
}

const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Encodes an image as an 8-bit RGB PNG (alpha is dropped: figures are opaque).
 *
 * @returns The bytes of the PNG file.
 */
export function encodePng(image: RgbaImage, options: EncodePngOptions = {}): Uint8Array {
  const header = new Uint8Array(13);
  const headerView = new DataView(header.buffer);
  headerView.setUint32(0, image.width);
  headerView.setUint32(4, image.height);
  header.set([8, 2, 0, 0, 0], 8);
  const compress = options.compress ?? storedZlib;
  const chunks = [
    chunk('IHDR', header),
    chunk('IDAT', compress(scanlines(image))),
    chunk('IEND', new Uint8Array(0)),
  ];
  const output = new Uint8Array(
    signature.length + chunks.reduce((sum, part) => sum + part.length, 0),
  );
  output.set(signature);
  let offset = signature.length;
  for (const part of chunks) {
    output.set(part, offset);
    offset += part.length;
  }
  return output;
}

function scanlines(image: RgbaImage): Uint8Array {
  const rowBytes = 1 + image.width * 3;
  const raw = new Uint8Array(rowBytes * image.height);
  const { data } = image;
  for (let row = 0; row < image.height; row += 1) {
    let target = row * rowBytes + 1;
    let source = row * image.width * 4;
    for (let column = 0; column < image.width; column += 1, source += 4, target += 3) {
      raw[target] = data[source] ?? 0;
      raw[target + 1] = data[source + 1] ?? 0;
      raw[target + 2] = data[source + 2] ?? 0;
    }
  }
  return raw;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const output = new Uint8Array(12 + data.length);
  const view = new DataView(output.buffer);
  view.setUint32(0, data.length);
  for (let index = 0; index < 4; index += 1) output[4 + index] = type.charCodeAt(index);
  output.set(data, 8);
  view.setUint32(8 + data.length, crc32(output.subarray(4, 8 + data.length)));
  return output;
}
