import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetFileRoles } from '../datasets/dataset-types.js';
import type { DatasetDescriptor, DatasetFileRole } from '../datasets/dataset-types.js';
import { fileNameCandidates, sortIntoRoles } from '../datasets/file-roles.js';

/** The files of a dataset found in a folder, and the ones not found. */
export interface FoundDatasetFiles {
  /** The path of each file found, by role. */
  paths: Partial<Record<DatasetFileRole, string>>;
  /** The names of the files not found (for an ambiguous role, the candidates and why). */
  missing: string[];
}

/**
 * Looks for a dataset's four files in one folder.
 *
 * A descriptor with `anyFileNames` (plain IDX files) also takes, when the official names are
 * absent, one file per role whose name has the usual parts (`train`/`t10k`/`test`,
 * `images`/`labels`).
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
  if (descriptor.anyFileNames === true && found.missing.length > 0)
    return findByNameParts(folder, descriptor, found);
  return found;
}

/** Fills the roles not found by their official names from the folder's other IDX names. */
async function findByNameParts(
  folder: string,
  descriptor: DatasetDescriptor,
  byOfficialName: FoundDatasetFiles,
): Promise<FoundDatasetFiles> {
  const names = await readdir(folder).catch(() => undefined);
  if (names === undefined) return byOfficialName;
  const { chosen, ambiguous } = sortIntoRoles(names);
  const found: FoundDatasetFiles = { paths: { ...byOfficialName.paths }, missing: [] };
  for (const role of datasetFileRoles) {
    if (found.paths[role] !== undefined) continue;
    const name = chosen[role];
    const candidates = ambiguous[role];
    if (name !== undefined) found.paths[role] = join(folder, name);
    else if (candidates !== undefined)
      found.missing.push(`one ${role} file (several match: ${candidates.join(', ')})`);
    else found.missing.push(`a ${role} file (such as ${descriptor.files[role].name}.gz)`);
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
