import * as tf from '@tensorflow/tfjs';
import { fileSystemHandler } from './file-system-handler.js';

/**
 * Saves a model to a folder as `model.json` + `weights.bin`, atomically. Node only.
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

/**
 * Loads a model saved by {@link saveModel} (or any tfjs `model.json` + weights folder). The
 * lenet layers are registered by importing this package. Node only.
 *
 * @param folder - The folder holding `model.json`.
 * @example
 * ```ts
 * const model = await loadModel('models/lenet5');
 * ```
 * @throws {@link ModelFileError} when the files are missing or unreadable.
 */
export function loadModel(folder: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(fileSystemHandler(folder));
}
