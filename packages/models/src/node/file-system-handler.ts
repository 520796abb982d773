import { mkdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { MANIFEST_FILE, writeFolderManifest } from './folder-manifest.js';
import { verifyFolderManifest, type VerifiedFolder } from './verify-folder-manifest.js';
import { ModelFileError } from './model-file-error.js';
import { MODEL_FILE, WEIGHTS_FILE, writeModelFile } from './model-files.js';

/** Options of {@link fileSystemHandler} and `loadModel`. */
export interface LoadModelOptions {
  /**
   * Called with a one-line notice when the folder has no `manifest.json` (saved by plain tfjs, or
   * by a lenet before manifests), whose files then load unverified. Default: no notice.
   */
  readonly onNotice?: (notice: string) => void;
}

async function save(folder: string, artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
  await mkdir(folder, { recursive: true });
  const weightData =
    artifacts.weightData === undefined
      ? new ArrayBuffer(0)
      : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
  const modelJson: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology ?? {},
    weightsManifest: [{ paths: [`./${WEIGHTS_FILE}`], weights: artifacts.weightSpecs ?? [] }],
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: artifacts.convertedBy ?? null,
    ...(artifacts.trainingConfig === undefined ? {} : { trainingConfig: artifacts.trainingConfig }),
    ...(artifacts.userDefinedMetadata === undefined
      ? {}
      : { userDefinedMetadata: artifacts.userDefinedMetadata }),
  };
  // Weights first: a model.json that exists always has its weights beside it. The manifest
  // last: until it is written, an older manifest fails the new files (an interrupted save is
  // refused, never loaded as a mix of two models).
  await writeModelFile(join(folder, WEIGHTS_FILE), new Uint8Array(weightData));
  await writeModelFile(join(folder, MODEL_FILE), JSON.stringify(modelJson));
  await writeFolderManifest(folder, [MODEL_FILE, WEIGHTS_FILE]);
  return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
}

/** The bytes of `name`, as its folder's manifest verified them. */
function listedFile(folder: string, verified: VerifiedFolder, name: string): Promise<Uint8Array> {
  const bytes = verified.contents.get(posix.normalize(name));
  if (bytes !== undefined) return Promise.resolve(bytes);
  const path = join(folder, MANIFEST_FILE);
  return Promise.reject(
    new ModelFileError(
      path,
      `${path} does not list ${name}, which the model needs: the folder was changed or damaged since lenet saved it. Retrain the model and save it again, or restore the folder from a copy.`,
    ),
  );
}

async function load(folder: string, options: LoadModelOptions): Promise<tf.io.ModelArtifacts> {
  const verified = await verifyFolderManifest(folder);
  const read = (name: string): Promise<Uint8Array> =>
    verified === undefined ? readFile(join(folder, name)) : listedFile(folder, verified, name);
  const modelPath = join(folder, MODEL_FILE);
  let modelJson: tf.io.ModelJSON;
  try {
    modelJson = JSON.parse(new TextDecoder().decode(await read(MODEL_FILE))) as tf.io.ModelJSON;
  } catch (error) {
    if (ModelFileError.isInstance(error)) throw error;
    throw new ModelFileError(
      modelPath,
      `Could not read a model from ${modelPath}: ${String(error)}. Save one there with saveModel(model, folder) first.`,
      error,
    );
  }
  if (verified === undefined)
    options.onNotice?.(`no manifest: ${folder} was saved by plain tfjs, not verified`);
  const manifest = modelJson.weightsManifest;
  const weightSpecs = manifest.flatMap((group) => group.weights);
  const buffers = await Promise.all(
    manifest
      .flatMap((group) => group.paths)
      .map(async (path) => {
        const bytes = await read(path).catch((error: unknown) => {
          throw ModelFileError.isInstance(error)
            ? error
            : new ModelFileError(
                join(folder, path),
                `Missing weights file ${path} beside ${modelPath}. Save the model again.`,
                error,
              );
        });
        return bytes.slice().buffer;
      }),
  );
  return tf.io.getModelArtifactsForJSON(modelJson, () =>
    Promise.resolve([weightSpecs, tf.io.CompositeArrayBuffer.join(buffers)]),
  );
}

/**
 * A tfjs IO handler that saves a model to a folder as `model.json` + `weights.bin` and, last, the
 * `manifest.json` of their sizes and sha256s ({@link writeFolderManifest}), and loads it back,
 * for Node. Each file is written to a temporary name and renamed into place, so a crash never
 * leaves a half-written model. Loading checks the files against the manifest first; a folder
 * without one (saved by plain tfjs) loads unverified, and `options.onNotice` hears it. Node
 * only: not in the browser entry.
 *
 * @param folder - The folder; created if missing.
 * @param options - Where the notice of a folder without a manifest goes.
 * @example
 * ```ts
 * await model.save(fileSystemHandler('models/lenet5'));
 * const loaded = await tf.loadLayersModel(fileSystemHandler('models/lenet5'));
 * ```
 * @throws {@link ModelFileError} (from `save`/`load`) when a file cannot be written or read, or a
 *   file differs from the manifest (changed or damaged since lenet saved it).
 */
export function fileSystemHandler(folder: string, options: LoadModelOptions = {}): tf.io.IOHandler {
  return { save: (artifacts) => save(folder, artifacts), load: () => load(folder, options) };
}
