import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fitImages, readIdxFile } from '@lenet/data';
import { UsageError } from '../errors/usage-error.js';
import { preparePicture, type PicturePreparation } from '@lenet/data';
import { readPicture } from './read-picture.js';

/** One image to classify: 28x28 bytes (0 background) and where it came from. */
export interface ImageInput {
  /** The picture's path, `file[index]` for IDX images. */
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

/** The picture files of a folder (PNG and JPEG by name), sorted. */
async function picturesIn(folder: string): Promise<string[]> {
  const names = (await readdir(folder)).filter((name) => /\.(png|jpe?g)$/i.test(name)).sort();
  if (names.length === 0)
    throw new UsageError(
      `${folder} holds no .png or .jpg pictures. Give pictures, a folder of them, or IDX image files.`,
    );
  return names.map((name) => join(folder, name));
}

/**
 * Reads the images in `path`: a PNG or JPEG picture, prepared as `preparation` says; a folder
 * of such pictures, one image each; or an IDX file of uint8 images, used as they are (fitted to
 * 28x28 when of another size).
 *
 * @throws UsageError for unreadable files and IDX files that are not uint8 images.
 */
export async function readImages(
  path: string,
  preparation: PicturePreparation,
): Promise<ImageInput[]> {
  if ((await stat(path)).isDirectory()) {
    const inputs = await Promise.all(
      (await picturesIn(path)).map((file) => readImages(file, preparation)),
    );
    return inputs.flat();
  }
  const head = await firstBytes(path, 4);
  if (!looksLikeIdx(head))
    return [{ name: path, pixels: preparePicture(await readPicture(path), preparation) }];
  const idx = await readIdxFile(path);
  const [count = 0, height = 0, width = 0] = idx.shape;
  if (idx.dtype !== 'uint8' || idx.shape.length !== 3) {
    throw new UsageError(
      `${path} holds IDX ${idx.dtype} data of shape [${idx.shape.join(', ')}]; lenet predict reads IDX files of uint8 images (like t10k-images-idx3-ubyte).`,
    );
  }
  const images = fitImages(
    { images: idx.data as Uint8Array, labels: new Uint8Array(count), count, height, width },
    28,
  ).images;
  return Array.from({ length: count }, (_, index) => ({
    name: `${path}[${index}]`,
    pixels: images.subarray(index * 784, (index + 1) * 784),
  }));
}
