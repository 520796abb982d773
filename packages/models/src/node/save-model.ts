import * as tf from '@tensorflow/tfjs';
import { firstNonFinite } from '../training/first-non-finite.js';
import { fileSystemHandler, type LoadModelOptions } from './file-system-handler.js';
import { ModelFileError } from './model-file-error.js';

/**
 * Saves a model to a folder as `model.json` + `weights.bin`, then `manifest.json` (their sizes
 * and sha256s, which {@link loadModel} checks), each file atomically. Node only.
 *
 * @param model - Any tfjs layers model, such as `lenet5()`.
 * @param folder - The folder; created if missing.
 * @example
 * ```ts
 * await saveModel(lenet5(), 'models/lenet5');
 * ```
 * @throws {@link ModelFileError} when a file cannot be written.
 */
export function saveModel(model: tf.LayersModel, folder: string): Promise<tf.io.SaveResult> {
  return model.save(fileSystemHandler(folder));
}

/** Refuses a loaded model with a weight that is NaN or infinite, naming its layer. */
function checkFinite(model: tf.LayersModel, folder: string): void {
  for (const layer of model.layers)
    for (const weight of layer.weights) {
      if (weight.dtype !== 'float32') continue;
      const values = weight.read().dataSync() as Float32Array;
      const index = firstNonFinite(values);
      if (index >= 0)
        throw new ModelFileError(
          folder,
          `The weights in ${folder} hold ${String(values[index])} in ${weight.originalName} (layer ${layer.name}): the model was saved after its training diverged, or its weights were damaged before lenet saved them. Retrain the model (with a lower learning rate if it diverged), or restore an earlier copy of the folder.`,
        );
    }
}

/**
 * Loads a model saved by {@link saveModel} (or any tfjs `model.json` + weights folder). The files
 * are checked against the folder's `manifest.json` before the model is built, and every weight
 * must be finite. A folder without a manifest (saved by plain tfjs) loads unverified, and
 * `options.onNotice` hears it. The lenet layers are registered by importing this package. Node only.
 *
 * @param folder - The folder holding `model.json`.
 * @param options - Where the notice of a folder without a manifest goes.
 * @example
 * ```ts
 * const model = await loadModel('models/lenet5', { onNotice: (notice) => console.warn(notice) });
 * ```
 * @throws {@link ModelFileError} when the files are missing or unreadable, differ from the
 *   manifest (changed or damaged since lenet saved them), or a weight is NaN or infinite.
 */
export async function loadModel(
  folder: string,
  options: LoadModelOptions = {},
): Promise<tf.LayersModel> {
  const model = await tf.loadLayersModel(fileSystemHandler(folder, options));
  try {
    checkFinite(model, folder);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return model;
}
