import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { LenetError } from '@lenet/core/errors';
import { writeFileAtomic } from '@lenet/common/node';

const marker = '@lenet/error/ModelFileError';
const symbol = Symbol.for(marker);

/** The model topology file a {@link fileSystemHandler} writes and reads. */
export const MODEL_FILE = 'model.json';
/** The weights file a {@link fileSystemHandler} writes and reads. */
export const WEIGHTS_FILE = 'weights.bin';

/** Thrown when a model folder cannot be written or read. */
export class ModelFileError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link ModelFileError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is ModelFileError {
    return LenetError.hasMarker(error, marker);
  }

  /** The file involved. */
  readonly path: string;

  /**
   * @param path - The file involved.
   * @param message - What happened and what to do.
   * @param cause - The underlying error.
   */
  constructor(path: string, message: string, cause?: unknown) {
    super('ModelFileError', message, { cause });
    this.path = path;
  }
}

async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, data);
  } catch (error) {
    throw new ModelFileError(
      path,
      `Could not write ${path}: ${String(error)}. Check that the folder is writable and the disk has room.`,
      error,
    );
  }
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
  // Weights first: a model.json that exists always has its weights beside it.
  await writeAtomically(join(folder, WEIGHTS_FILE), new Uint8Array(weightData));
  await writeAtomically(join(folder, MODEL_FILE), JSON.stringify(modelJson));
  return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
}

async function load(folder: string): Promise<tf.io.ModelArtifacts> {
  const modelPath = join(folder, MODEL_FILE);
  let modelJson: tf.io.ModelJSON;
  try {
    modelJson = JSON.parse(await readFile(modelPath, 'utf8')) as tf.io.ModelJSON;
  } catch (error) {
    throw new ModelFileError(
      modelPath,
      `Could not read a model from ${modelPath}: ${String(error)}. Save one there with saveModel(model, folder) first.`,
      error,
    );
  }
  const manifest = modelJson.weightsManifest;
  const weightSpecs = manifest.flatMap((group) => group.weights);
  const buffers = await Promise.all(
    manifest
      .flatMap((group) => group.paths)
      .map(async (path) => {
        const bytes = await readFile(join(folder, path)).catch((error: unknown) => {
          throw new ModelFileError(
            join(folder, path),
            `Missing weights file ${path} beside ${modelPath}. Save the model again.`,
            error,
          );
        });
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      }),
  );
  return tf.io.getModelArtifactsForJSON(modelJson, () =>
    Promise.resolve([weightSpecs, tf.io.CompositeArrayBuffer.join(buffers)]),
  );
}

/**
 * A tfjs IO handler that saves a model to a folder as `model.json` + `weights.bin` and loads
 * it back, for Node. Each file is written to a temporary name and renamed into place, so a
 * crash never leaves a half-written model. Node only: not in the browser entry.
 *
 * @param folder - The folder; created if missing.
 * @example
 * ```ts
 * await model.save(fileSystemHandler('models/lenet5'));
 * const loaded = await tf.loadLayersModel(fileSystemHandler('models/lenet5'));
 * ```
 * @throws {@link ModelFileError} (from `save`/`load`) when a file cannot be written or read.
 */
export function fileSystemHandler(folder: string): tf.io.IOHandler {
  return { save: (artifacts) => save(folder, artifacts), load: () => load(folder) };
}
