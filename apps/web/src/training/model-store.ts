import * as tf from '@tensorflow/tfjs';
// Registers LeNet's custom layers before a saved model is read back.
import '@lenet/core';
import { modelClasses } from '@lenet/models';
import { MNIST_TRAINED_ON, trainedOnFromMetadata, type TrainedOn } from '../datasets/trained-on.js';

/**
 * The IndexedDB key under which the page keeps one model per architecture and data set:
 * `lenet-<model>` for MNIST (the key of the page's earlier versions), `lenet-<model>-<data set>`
 * for the others.
 */
export function storageKey(modelName: string, datasetName: string): string {
  const suffix = datasetName === MNIST_TRAINED_ON.name ? '' : `-${datasetName}`;
  return `indexeddb://lenet-${modelName}${suffix}`;
}

/**
 * Records what `model` was trained on in its user-defined metadata, which tfjs saves with it
 * (IndexedDB, downloads) and {@link trainedOnOfModel} reads back.
 */
export function recordTrainedOn(model: tf.LayersModel, trainedOn: TrainedOn): void {
  model.setUserDefinedMetadata({ ...model.getUserDefinedMetadata(), trainedOn: { ...trainedOn } });
}

/**
 * What a model was trained on: what {@link recordTrainedOn} recorded, else MNIST for a model of
 * ten classes (the shipped ones, the CLI's), else IDX files with digits for class names.
 *
 * @throws `ModelOptionError` for a model whose output is not one score per class.
 */
export function trainedOnOfModel(model: tf.LayersModel): TrainedOn {
  return trainedOnFromMetadata(model.getUserDefinedMetadata(), modelClasses(model));
}

/**
 * Saves `model` in this browser's IndexedDB under {@link storageKey}: its architecture's name
 * and the data set it was trained on ({@link trainedOnOfModel}), which is saved with it.
 */
export async function saveToBrowser(model: tf.LayersModel, modelName: string): Promise<void> {
  await model.save(storageKey(modelName, trainedOnOfModel(model).name));
}

/** Reads back the model saved with {@link saveToBrowser}; undefined when there is none. */
export async function loadFromBrowser(
  modelName: string,
  datasetName: string,
): Promise<tf.LayersModel | undefined> {
  const key = storageKey(modelName, datasetName);
  const saved = await tf.io.listModels();
  if (!(key in saved)) return undefined;
  return tf.loadLayersModel(key);
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
