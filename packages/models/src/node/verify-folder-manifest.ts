import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '@lenet/data';
import {
  isFileName,
  MANIFEST_FILE,
  type FolderManifest,
  type ManifestEntry,
} from './folder-manifest.js';
import { ModelFileError } from './model-file-error.js';

const REMEDY = 'Retrain the model and save it again, or restore the folder from a copy.';

/** A folder whose files matched its manifest; see {@link verifyFolderManifest}. */
export interface VerifiedFolder {
  /** The folder's manifest. */
  readonly manifest: FolderManifest;
  /** The bytes of every file the manifest lists, as verified: read them here, not again from the disk. */
  readonly contents: ReadonlyMap<string, Uint8Array>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEntry(entry: unknown): entry is ManifestEntry {
  return (
    isRecord(entry) &&
    Number.isSafeInteger(entry['bytes']) &&
    (entry['bytes'] as number) >= 0 &&
    typeof entry['sha256'] === 'string' &&
    /^[0-9a-f]{64}$/.test(entry['sha256'])
  );
}

/** Why `value` is not a manifest that `writeFolderManifest` writes, or undefined when it is one. */
function manifestProblem(value: unknown): string | undefined {
  if (!isRecord(value) || value['format'] !== 'lenet-manifest')
    return "its format is not 'lenet-manifest'";
  if (value['version'] !== 1)
    return `its version is ${JSON.stringify(value['version'])}, this lenet reads version 1`;
  const files = value['files'];
  if (!isRecord(files)) return 'it has no list of files';
  const wrong = Object.entries(files).find(([name, entry]) => !isFileName(name) || !isEntry(entry));
  return wrong === undefined
    ? undefined
    : `its entry ${JSON.stringify(wrong[0])} is not a file of the folder with its bytes and sha256`;
}

function parseManifest(path: string, text: string): FolderManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ModelFileError(
      path,
      `${path} is not JSON (${String(error)}): it was changed or damaged since lenet saved the folder. ${REMEDY}`,
      error,
    );
  }
  const problem = manifestProblem(value);
  if (problem !== undefined)
    throw new ModelFileError(
      path,
      `${path} is not a manifest lenet wrote: ${problem}. It was changed or damaged since lenet saved the folder. ${REMEDY}`,
    );
  return value as FolderManifest;
}

/** The bytes of `name` in `folder`, when they have the size and sha256 that `entry` records. */
async function verifiedFile(
  folder: string,
  name: string,
  entry: ManifestEntry,
): Promise<Uint8Array> {
  const path = join(folder, name);
  const bytes = await readFile(path).catch((error: unknown) => {
    throw new ModelFileError(
      path,
      `${path} is missing or unreadable (${String(error)}), though ${MANIFEST_FILE} lists it: the folder was changed or damaged since lenet saved it. ${REMEDY}`,
      error,
    );
  });
  const digest = await sha256(bytes);
  if (bytes.length !== entry.bytes || digest !== entry.sha256)
    throw new ModelFileError(
      path,
      `${path} was changed or damaged since lenet saved it (or a save into the folder was interrupted): it holds ${bytes.length.toLocaleString('en-US')} bytes of sha256 ${digest}, ${MANIFEST_FILE} recorded ${entry.bytes.toLocaleString('en-US')} bytes of sha256 ${entry.sha256}. ${REMEDY}`,
    );
  return bytes;
}

/**
 * Checks every file that `folder`'s `manifest.json` lists against the size and sha256 it
 * records, and returns the bytes it checked; undefined when the folder has no `manifest.json`
 * (saved by plain tfjs, or by a lenet before manifests: nothing to verify). Node only.
 *
 * @param folder - The folder.
 * @throws {@link ModelFileError} naming the file, when a listed file is missing or differs from
 *   its entry, or the manifest is not JSON or not one lenet writes: the folder was changed or
 *   damaged since lenet saved it.
 * @example
 * ```ts
 * const verified = await verifyFolderManifest('run/checkpoint');
 * const state = verified?.contents.get('state.json'); // undefined: no manifest
 * ```
 */
export async function verifyFolderManifest(folder: string): Promise<VerifiedFolder | undefined> {
  const path = join(folder, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw new ModelFileError(
      path,
      `Could not read ${path}: ${String(error)}. Check that the folder is readable.`,
      error,
    );
  }
  const manifest = parseManifest(path, text);
  const contents = new Map<string, Uint8Array>();
  for (const [name, entry] of Object.entries(manifest.files))
    contents.set(name, await verifiedFile(folder, name, entry));
  return { manifest, contents };
}
