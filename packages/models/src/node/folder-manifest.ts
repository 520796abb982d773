import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { sha256 } from '@lenet/data';
import { ModelOptionError } from '../model-option-error.js';
import { ModelFileError } from './model-file-error.js';
import { MODEL_FILE, writeModelFile } from './model-files.js';

/** The file in which a folder's manifest lists its files' sizes and sha256s. */
export const MANIFEST_FILE = 'manifest.json';

/** A file's size and sha256 as a manifest records them. */
export interface ManifestEntry {
  /** The file's size in bytes. */
  readonly bytes: number;
  /** The sha256 of its bytes, as 64 lowercase hex digits. */
  readonly sha256: string;
}

/** What a manifest records of the weights of a model folder. */
export interface ManifestWeights {
  /** How many float32 values `model.json` lists for the weights files. */
  readonly count: number;
  /** Their type: the only one lenet saves. */
  readonly dtype: 'float32';
}

/** The contents of `manifest.json`: see {@link writeFolderManifest}. */
export interface FolderManifest {
  /** Tells a lenet manifest from any other `manifest.json`. */
  readonly format: 'lenet-manifest';
  /** The layout's version: 1 (a lenet that reads it refuses any other). */
  readonly version: 1;
  /** Every file of the folder the manifest covers, by name. */
  readonly files: Readonly<Record<string, ManifestEntry>>;
  /** Recorded when `model.json` is among the files and its weights are all float32. */
  readonly weights?: ManifestWeights;
}

/** Whether `name` names a file directly in the folder, other than the manifest (a manifest lists no other). */
export function isFileName(name: string): boolean {
  return /^[^\\/]+$/.test(name) && name !== '.' && name !== '..' && name !== MANIFEST_FILE;
}

/** The float32 values that the `model.json` of `bytes` lists, or undefined when some weight is of another type. */
function float32Weights(path: string, bytes: Uint8Array): ManifestWeights | undefined {
  let modelJson: Partial<tf.io.ModelJSON>;
  try {
    modelJson = JSON.parse(new TextDecoder().decode(bytes)) as Partial<tf.io.ModelJSON>;
  } catch (error) {
    throw new ModelFileError(
      path,
      `${path} is not a tfjs model.json (${String(error)}): save the model with saveModel before listing its files.`,
      error,
    );
  }
  const specs = (modelJson.weightsManifest ?? []).flatMap((group) => group.weights);
  if (!specs.every((spec) => spec.dtype === 'float32' && spec.quantization === undefined))
    return undefined;
  const count = specs.reduce(
    (sum, spec) => sum + spec.shape.reduce((product, side) => product * side, 1),
    0,
  );
  return { count, dtype: 'float32' };
}

/**
 * Writes `manifest.json` into `folder`, atomically: the size and sha256 of each of `fileNames`
 * (files directly in the folder, already written), and, when `model.json` is among them, the
 * number of float32 weight values it lists. Write it last, after every file it lists, so that a
 * save interrupted before it leaves the older manifest, which the new files then fail.
 * `saveModel` writes one for `model.json` and `weights.bin`; a folder holding more (a training
 * checkpoint's optimiser state, say) lists all of its files. Node only.
 *
 * @param folder - The folder.
 * @param fileNames - The files to cover, by name, such as `['model.json', 'weights.bin']`.
 * @returns The manifest written.
 * @throws `ModelOptionError` for a name that is not a file directly in the folder (or is `manifest.json`).
 * @throws {@link ModelFileError} when a file cannot be read, `model.json` is not JSON, or the manifest cannot be written.
 * @example
 * ```ts
 * await saveModel(model, 'run/checkpoint');
 * await writeFile('run/checkpoint/state.json', JSON.stringify(state));
 * await writeFolderManifest('run/checkpoint', ['model.json', 'weights.bin', 'state.json']);
 * ```
 */
export async function writeFolderManifest(
  folder: string,
  fileNames: readonly string[],
): Promise<FolderManifest> {
  const wrong = fileNames.find((name) => !isFileName(name));
  if (wrong !== undefined)
    throw new ModelOptionError(
      'writeFolderManifest',
      'fileNames',
      `names of files directly in the folder, other than ${MANIFEST_FILE}`,
      JSON.stringify(wrong),
    );
  const entries: [string, ManifestEntry][] = [];
  let weights: ManifestWeights | undefined;
  for (const name of fileNames) {
    const path = join(folder, name);
    const bytes = await readFile(path).catch((error: unknown) => {
      throw new ModelFileError(
        path,
        `Could not read ${path} to list it in ${MANIFEST_FILE} (${String(error)}): write the file before the manifest.`,
        error,
      );
    });
    entries.push([name, { bytes: bytes.length, sha256: await sha256(bytes) }]);
    if (name === MODEL_FILE) weights = float32Weights(path, bytes);
  }
  const manifest: FolderManifest = {
    format: 'lenet-manifest',
    version: 1,
    files: Object.fromEntries(entries),
    ...(weights === undefined ? {} : { weights }),
  };
  await writeModelFile(join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
