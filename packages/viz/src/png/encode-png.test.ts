import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createRgbaImage } from '../raster/rgba-image.js';
import type { RgbaImage } from '../raster/rgba-image.js';
import { decodePng } from '../test-support/decode-png.js';
import { crc32 } from './crc32.js';
import { encodePng } from './encode-png.js';
import { adler32, storedZlib } from './stored-zlib.js';

function gradient(width: number, height: number): RgbaImage {
  const image = createRgbaImage(width, height, [0, 0, 0]);
  for (let pixel = 0; pixel < width * height; pixel += 1)
    image.data.set([pixel % 256, (pixel * 7) % 256, 255 - (pixel % 256)], pixel * 4);
  return image;
}

describe('checksums', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('computes the Adler-32 of "Wikipedia" as its article does', () => {
    expect(adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398);
  });
});

describe('storedZlib', () => {
  it('makes a stream that zlib inflates back, across several 64 KiB blocks', () => {
    const bytes = Uint8Array.from({ length: 150_000 }, (_, index) => (index * 31) % 251);
    expect(Buffer.compare(inflateSync(storedZlib(bytes)), bytes)).toBe(0);
    expect(new Uint8Array(inflateSync(storedZlib(new Uint8Array(0))))).toEqual(new Uint8Array(0));
  });
});

describe('encodePng', () => {
  it('writes a PNG that an independent decoder reads back pixel for pixel', () => {
    const image = gradient(37, 23);
    const decoded = decodePng(encodePng(image));
    expect([decoded.width, decoded.height]).toEqual([37, 23]);
    expect(decoded.data).toEqual(image.data);
  });

  it('uses the compressor it is given and stays decodable', () => {
    const image = createRgbaImage(200, 100, [10, 20, 30]);
    const stored = encodePng(image);
    const compressed = encodePng(image, { compress: (bytes) => deflateSync(bytes) });
    expect(compressed.length).toBeLessThan(stored.length / 20);
    expect(Buffer.compare(Buffer.from(decodePng(compressed).data), Buffer.from(image.data))).toBe(
      0,
    );
  });

  it('starts with the PNG signature and an IHDR for 8-bit RGB', () => {
    const bytes = encodePng(gradient(3, 2));
    expect(Array.from(bytes.subarray(0, 8))).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]);
    expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe('IHDR');
    expect(Array.from(bytes.subarray(24, 26))).toEqual([8, 2]);
  });
});
