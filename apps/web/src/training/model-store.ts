import * as tf from '@tensorflow/tfjs';
// Registers LeNet's custom layers before a saved model is read back.
import '@lenet/core';
import { datasetNamed } from '@lenet/data';
import { modelClasses } from '@lenet/models';
import { MNIST_TRAINED_ON, trainedOnFromMetadata, type TrainedOn } from '../datasets/trained-on.js';
import { TRAINABLE_MODELS } from '../models/trainable-models.js';
import { checkModelFiles } from './model-files.js';

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

/** A model saved in this browser by {@link saveToBrowser}, as its {@link storageKey} tells. */
export interface SavedModel {
  /** Its {@link storageKey}. */
  readonly key: string;
  /** The catalogue name of its architecture (`lenet1`). */
  readonly modelName: string;
  /** The name of the data set it was trained on (`fashion-mnist`). */
  readonly datasetName: string;
  /** What the page calls it: `LeNet-1 on Fashion-MNIST`. */
  readonly title: string;
}

/** The data set title of `name`; the name itself when lenet does not know it. */
function datasetTitle(name: string): string {
  try {
    return datasetNamed(name).title;
  } catch {
    return name;
  }
}

const storagePrefix = 'indexeddb://lenet-';

/**
 * What a {@link storageKey} names: the longest architecture name that starts it, then the data
 * set (MNIST when there is none); undefined for a key the page did not write.
 *
 * @example
 * ```ts
 * savedModelOf('indexeddb://lenet-lenet5-softmax-fashion-mnist');
 * // { modelName: 'lenet5-softmax', datasetName: 'fashion-mnist', title: 'LeNet-5 (softmax head) on Fashion-MNIST', ... }
 * ```
 */
export function savedModelOf(key: string): SavedModel | undefined {
  if (!key.startsWith(storagePrefix)) return undefined;
  const rest = key.slice(storagePrefix.length);
  const recipe = [...TRAINABLE_MODELS]
    .sort((first, second) => second.name.length - first.name.length)
    .find((model) => rest === model.name || rest.startsWith(`${model.name}-`));
  if (recipe === undefined) return undefined;
  const datasetName = rest.slice(recipe.name.length + 1) || MNIST_TRAINED_ON.name;
  return {
    key,
    modelName: recipe.name,
    datasetName,
    title: `${recipe.title} on ${datasetTitle(datasetName)}`,
  };
}

/** The models saved in this browser by {@link saveToBrowser} ({@link savedModelOf} their keys), in key order. */
export async function listSavedModels(): Promise<SavedModel[]> {
  return Object.keys(await tf.io.listModels())
    .sort()
    .flatMap((key) => savedModelOf(key) ?? []);
}

/** Reads back a model saved with {@link saveToBrowser}. */
export function loadFromBrowser(saved: SavedModel): Promise<tf.LayersModel> {
  return tf.loadLayersModel(saved.key);
}

/** Downloads `model` as `<name>.json` and `<name>.weights.bin`, the files `tf.loadLayersModel` reads. */
export async function downloadModel(model: tf.LayersModel, modelName: string): Promise<void> {
  await model.save(`downloads://${modelName}`);
}

/**
 * Reads a model chosen in a file input: the `model.json` written by the CLI (or a download)
 * and its weights file, once {@link checkModelFiles} found that they belong together.
 *
 * @throws {Error} When the files are not one `.json` and at least one weights file, or do not belong together.
 */
export async function loadFromFiles(files: readonly File[]): Promise<tf.LayersModel> {
  const json = files.find((file) => file.name.endsWith('.json'));
  const weights = files.filter((file) => !file.name.endsWith('.json'));
  if (json === undefined || weights.length === 0) {
    throw new Error(
      `Choose a model.json and its weights file together; got ${files.map((file) => file.name).join(', ') || 'no files'}.`,
    );
  }
  await checkModelFiles(json, weights);
  return tf.loadLayersModel(tf.io.browserFiles([json, ...weights]));
}
