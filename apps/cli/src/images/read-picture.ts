import { readFile } from 'node:fs/promises';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { Picture } from '@lenet/data';
import { UsageError } from '../errors/usage-error.js';

const pngSignature = [0x89, 0x50, 0x4e, 0x47];
const jpegSignature = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/**
 * Reads a PNG or JPEG file (recognised by its first bytes, not its name) as RGBA pixels.
 *
 * @throws UsageError when the file is neither, or cannot be decoded.
 */
export async function readPicture(path: string): Promise<Picture> {
  const bytes = await readFile(path);
  try {
    if (startsWith(bytes, pngSignature)) {
      const image = PNG.sync.read(bytes);
      return { pixels: image.data, width: image.width, height: image.height, channels: 4 };
    }
    if (startsWith(bytes, jpegSignature)) {
      const image = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxMemoryUsageInMB: 256,
      });
      return { pixels: image.data, width: image.width, height: image.height, channels: 4 };
    }
  } catch {
    throw new UsageError(
      `${path} looks like a PNG or JPEG picture but could not be decoded: the file is damaged or incomplete. Re-export it as PNG and try again.`,
    );
  }
  throw new UsageError(
    `${path} is not a PNG or JPEG image (nor an IDX file). Give PNG or JPEG pictures of single digits, or IDX image files.`,
  );
}
