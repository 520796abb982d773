import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const temporarySuffix = '.partial';

/**
 * Writes a file so that readers see either nothing or the whole file: the bytes go to a
 * temporary file unique to this call, which is then renamed over the target. Two processes
 * writing the same target never mix their bytes; a failure leaves nothing behind.
 *
 * @param path - The target file; its folder is created when missing.
 * @param bytes - The contents.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}-${randomUUID()}${temporarySuffix}`;
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Deletes temporary files that {@link writeFileAtomic} left behind in a folder when its
 * process was killed mid-write. Only files older than `maxAgeMilliseconds` go, so a write
 * in progress in another process is never touched.
 *
 * @param folder - The folder to tidy; a missing folder is fine.
 * @param maxAgeMilliseconds - The age from which a temporary file counts as abandoned. Default: one hour.
 * @returns How many files were deleted.
 */
export async function removeAbandonedTemporaryFiles(folder: string, maxAgeMilliseconds = 3_600_000): Promise<number> {
  const names = await readdir(folder).catch(() => []);
  let removed = 0;
  for (const name of names.filter((candidate) => candidate.endsWith(temporarySuffix))) {
    const path = join(folder, name);
    const stats = await stat(path).catch(() => undefined);
    if (stats === undefined || Date.now() - stats.mtimeMs < maxAgeMilliseconds) continue;
    await rm(path, { force: true });
    removed += 1;
  }
  return removed;
}
