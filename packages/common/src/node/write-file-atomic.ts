import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const temporarySuffix = '.partial';

/**
 * Writes a file so that readers see either nothing or the whole file, even after a crash: the
 * bytes go to a temporary file unique to this call (created exclusively, so nothing else writes
 * into it), are flushed to the disk, and the file is then renamed over the target. Two processes
 * writing the same target never mix their bytes; a failure (a full disk, a read-only folder)
 * leaves nothing behind and rethrows the system error, whose `code` says what happened.
 *
 * @param path - The target file; its folder is created when missing.
 * @param contents - The bytes, or a string written as UTF-8.
 * @example
 * ```ts
 * await writeFileAtomic('run/model/model.json', JSON.stringify(modelJson));
 * ```
 */
export async function writeFileAtomic(path: string, contents: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${String(process.pid)}-${randomUUID()}${temporarySuffix}`;
  try {
    const file = await open(temporary, 'wx');
    try {
      await file.writeFile(contents);
      await file.sync();
    } finally {
      await file.close();
    }
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
export async function removeAbandonedTemporaryFiles(
  folder: string,
  maxAgeMilliseconds = 3_600_000,
): Promise<number> {
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
