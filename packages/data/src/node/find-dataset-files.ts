import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetFileRoles } from '../datasets/dataset-types.js';
import type { DatasetDescriptor, DatasetFileRole } from '../datasets/dataset-types.js';

/** The files of a dataset found in a folder, and the ones not found. */
export interface FoundDatasetFiles {
  /** The path of each file found, by role. */
  paths: Partial<Record<DatasetFileRole, string>>;
  /** The names of the files not found. */
  missing: string[];
}

/**
 * The names a dataset file may have on disk, in order of preference: gzip before raw, and
 * both the official `train-images-idx3-ubyte` and the `train-images.idx3-ubyte` spellings.
 *
 * @param name - The official name without `.gz`.
 */
export function fileNameCandidates(name: string): string[] {
  const dotted = name.replace(/-(idx\d+-ubyte)$/, '.$1');
  const names = [`${name}.gz`, name, `${dotted}.gz`, dotted];
  return [...new Set(names)];
}

/**
 * Looks for a dataset's four files in one folder.
 *
 * @param folder - The folder to look in.
 * @param descriptor - The dataset's file names.
 * @returns The paths found and the names missing (all four when the folder does not exist).
 */
export async function findDatasetFiles(
  folder: string,
  descriptor: DatasetDescriptor,
): Promise<FoundDatasetFiles> {
  const found: FoundDatasetFiles = { paths: {}, missing: [] };
  for (const role of datasetFileRoles) {
    const name = descriptor.files[role].name;
    const path = await firstFile(
      fileNameCandidates(name).map((candidate) => join(folder, candidate)),
    );
    if (path === undefined) found.missing.push(name);
    else found.paths[role] = path;
  }
  return found;
}

async function firstFile(paths: readonly string[]): Promise<string | undefined> {
  for (const path of paths) {
    const stats = await stat(path).catch(() => undefined);
    if (stats?.isFile() === true) return path;
  }
  return undefined;
}
