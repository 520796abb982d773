import * as tf from '@tensorflow/tfjs';
// Registers LeNet's custom layers before a saved model is read back.
import '@lenet/core';

/** The IndexedDB key under which the page keeps one model per architecture. */
export function storageKey(modelName: string): string {
  return `indexeddb://lenet-${modelName}`;
}

/** Saves `model` in this browser's IndexedDB under its architecture's name. */
export async function saveToBrowser(model: tf.LayersModel, modelName: string): Promise<void> {
  await model.save(storageKey(modelName));
}

/** Reads back the model saved with {@link saveToBrowser}; undefined when there is none. */
export async function loadFromBrowser(modelName: string): Promise<tf.LayersModel | undefined> {
  const saved = await tf.io.listModels();
  if (!(storageKey(modelName) in saved)) return undefined;
  return tf.loadLayersModel(storageKey(modelName));
}

/** Downloads `model` as `<name>.json` and `<name>.weights.bin`, the files `tf.loadLayersModel` reads. */
export async function downloadModel(model: tf.LayersModel, modelName: string): Promise<void> {
  await model.save(`downloads://${modelName}`);
}

/**
 * Reads a model chosen in a file input: the `model.json` written by the CLI (or a download)
 * and its weights file.
 *
 * @throws {Error} When the files are not one `.json` and at least one weights file.
 */
export function loadFromFiles(files: readonly File[]): Promise<tf.LayersModel> {
  const json = files.find((file) => file.name.endsWith('.json'));
  const weights = files.filter((file) => !file.name.endsWith('.json'));
  if (json === undefined || weights.length === 0) {
    throw new Error(
      `Choose a model.json and its weights file together; got ${files.map((file) => file.name).join(', ') || 'no files'}.`,
    );
  }
  return tf.loadLayersModel(tf.io.browserFiles([json, ...weights]));
}
