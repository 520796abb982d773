import { open } from 'node:fs/promises';
import { preprocessDigit, readIdxFile } from '@lenet/data';
import { UsageError } from '../errors/usage-error.js';
import { readPicture } from './read-picture.js';

/** One digit to classify: 28x28 MNIST-style bytes (0 background, 255 ink) and where it came from. */
export interface DigitInput {
  /** `file` for pictures, `file[index]` for IDX images. */
  readonly name: string;
  readonly pixels: Uint8Array;
}

async function firstBytes(path: string, count: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(count);
    await handle.read(buffer, 0, count, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}

/** True for an IDX file of unsigned bytes, raw or gzip. */
function looksLikeIdx(head: Uint8Array): boolean {
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  return gzip || (head[0] === 0 && head[1] === 0 && head[2] === 0x08);
}

/**
 * Reads the digits in `path`: a PNG or JPEG picture of one digit (either polarity, any size),
 * put through the MNIST-style preprocessing (crop, 20x20 box, centre of mass in 28x28); or an
 * IDX file of 28x28 images, used as they are.
 *
 * @throws UsageError for unreadable files and IDX files that are not 28x28 images.
 */
export async function readDigits(path: string): Promise<DigitInput[]> {
  const head = await firstBytes(path, 4);
  if (!looksLikeIdx(head))
    return [{ name: path, pixels: preprocessDigit(await readPicture(path)) }];
  const idx = await readIdxFile(path);
  const [count = 0, height, width] = idx.shape;
  if (idx.dtype !== 'uint8' || idx.shape.length !== 3 || height !== 28 || width !== 28) {
    throw new UsageError(
      `${path} holds IDX ${idx.dtype} data of shape [${idx.shape.join(', ')}]; lenet predict reads IDX files of 28x28 uint8 images (like t10k-images-idx3-ubyte).`,
    );
  }
  const data = idx.data as Uint8Array;
  return Array.from({ length: count }, (_, index) => ({
    name: `${path}[${index}]`,
    pixels: data.subarray(index * 784, (index + 1) * 784),
  }));
}
