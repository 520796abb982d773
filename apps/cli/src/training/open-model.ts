import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import type { InitialisationScheme } from '@lenet/core';
import {
  findModelRecipe,
  loadModel,
  ModelFileError,
  MODEL_NAMES,
  recognizeModel,
  type ModelKind,
} from '@lenet/models';
import type { DatasetRecord } from '../data/dataset-record.js';
import { CheckpointError } from '../errors/checkpoint-error.js';
import { clause } from '../output/sentence.js';

/** A model ready to use, and how to feed it and read it. */
export interface OpenedModel {
  readonly model: tf.LayersModel;
  /** Which model it is (a catalogue recipe, or what `recognizeModel` of @lenet/models made of a saved one). */
  readonly recipe: ModelKind;
  /** Where it came from: a catalogue name or a folder. */
  readonly origin: string;
  /**
   * The data set a run of lenet 0.x trained it on, when the folder records one; undefined for
   * a fresh model and for models saved before runs recorded their data (those trained on MNIST).
   */
  readonly dataset?: DatasetRecord;
  /** True for a catalogue name: fresh weights, not trained. */
  readonly untrained: boolean;
}

/** The file beside a trained model that says what trained it (written by lenet train). */
export const TRAINING_RECORD_FILE = 'training.json';

/** What {@link TRAINING_RECORD_FILE} and a checkpoint's settings say of a run. */
interface RunSettings {
  model?: string;
  dataset?: DatasetRecord;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

async function readJson<T>(path: string): Promise<T | undefined> {
  return readFile(path, 'utf8').then(
    (text) => JSON.parse(text) as T,
    () => undefined,
  );
}

/**
 * What trained the model in `modelFolder`: its {@link TRAINING_RECORD_FILE}, else the settings
 * of the checkpoint it is (or of the run folder's checkpoint).
 */
async function runSettings(modelFolder: string, runFolder: string): Promise<RunSettings> {
  const record = await readJson<RunSettings>(join(modelFolder, TRAINING_RECORD_FILE));
  if (record !== undefined) return record;
  for (const state of [
    join(modelFolder, 'state.json'),
    join(runFolder, 'checkpoint', 'state.json'),
  ]) {
    const settings = (await readJson<{ settings?: RunSettings }>(state))?.settings;
    if (settings !== undefined) return settings;
  }
  return {};
}

/**
 * Opens a model by catalogue name (fresh weights, from `fresh`'s seed and scheme when given),
 * or from a folder: a run folder (its `model/`, else its `checkpoint/`), or a folder holding
 * `model.json` saved by lenet. A saved model is recognised by `recognizeModel` of @lenet/models,
 * told the name the run's checkpoint records.
 *
 * @throws CheckpointError when the argument is neither a model name nor a folder with a model
 *   lenet can feed.
 */
export async function openModel(
  nameOrFolder: string,
  fresh: { seed?: number; initialisation?: InitialisationScheme } = {},
  onNotice?: (notice: string) => void,
): Promise<OpenedModel> {
  const named = findModelRecipe(nameOrFolder);
  if (named !== undefined)
    return {
      model: named.create(fresh.seed, fresh.initialisation),
      recipe: named,
      origin: `a fresh ${named.name}`,
      untrained: true,
    };
  const candidates = [join(nameOrFolder, 'model'), join(nameOrFolder, 'checkpoint'), nameOrFolder];
  for (const folder of candidates) {
    if (!(await exists(join(folder, 'model.json')))) continue;
    const model = await loadModel(folder, onNotice === undefined ? {} : { onNotice }).catch(
      (cause: unknown) => {
        if (ModelFileError.isInstance(cause)) throw cause;
        throw new CheckpointError(
          folder,
          `The model in ${folder} could not be loaded: ${clause(cause instanceof Error ? cause.message : String(cause))}. Was it saved by lenet?`,
          { cause },
        );
      },
    );
    const settings = await runSettings(folder, nameOrFolder);
    const name = settings.model;
    const recipe = recognizeModel(model, name === undefined ? {} : { name });
    if (recipe === undefined) {
      throw new CheckpointError(
        folder,
        `The model in ${folder} takes ${JSON.stringify(model.inputs[0]?.shape.slice(1))} inputs; lenet feeds 32x32 or 28x28 digits only. Give a model saved by lenet train.`,
      );
    }
    return {
      model,
      recipe,
      origin: folder,
      untrained: false,
      ...(settings.dataset === undefined ? {} : { dataset: settings.dataset }),
    };
  }
  throw new CheckpointError(
    nameOrFolder,
    `"${nameOrFolder}" is neither a model name (${MODEL_NAMES.join(', ')}) nor a folder holding a saved model (model.json). Give a name, or the folder of a run made by lenet train.`,
  );
}
