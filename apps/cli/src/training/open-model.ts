import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import type { InitialisationScheme } from '@lenet/core';
import { loadModel } from '@lenet/models';
import { CheckpointError } from '../errors/checkpoint-error.js';
import { findModelRecipe, MODEL_NAMES, type ModelRecipe } from './model-catalog.js';

/** A model ready to use, and how to feed it and read it. */
export interface OpenedModel {
  readonly model: tf.LayersModel;
  readonly recipe: ModelRecipe;
  /** Where it came from: a catalogue name or a folder. */
  readonly origin: string;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Opens a model by catalogue name (fresh weights, from `fresh`'s seed and scheme when given),
 * or from a folder: a run folder (its `model/`, else its `checkpoint/`), or a folder holding
 * `model.json` saved by lenet.
 *
 * @throws CheckpointError when the argument is neither a model name nor a folder with a model.
 */
export async function openModel(nameOrFolder: string, fresh: { seed?: number; initialisation?: InitialisationScheme } = {}): Promise<OpenedModel> {
  const named = findModelRecipe(nameOrFolder);
  if (named !== undefined) return { model: named.create(fresh.seed, fresh.initialisation), recipe: named, origin: `a fresh ${named.name}` };
  const candidates = [join(nameOrFolder, 'model'), join(nameOrFolder, 'checkpoint'), nameOrFolder];
  for (const folder of candidates) {
    if (!(await exists(join(folder, 'model.json')))) continue;
    const model = await loadModel(folder).catch((cause: unknown) => {
      throw new CheckpointError(folder, `The model in ${folder} could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}. Was it saved by lenet?`, { cause });
    });
    return { model, recipe: await recipeOf(nameOrFolder, model), origin: folder };
  }
  throw new CheckpointError(
    nameOrFolder,
    `"${nameOrFolder}" is neither a model name (${MODEL_NAMES.join(', ')}) nor a folder holding a saved model (model.json). Give a name, or the folder of a run made by lenet train.`,
  );
}

async function recipeOf(runFolder: string, model: tf.LayersModel): Promise<ModelRecipe> {
  const state = await readFile(join(runFolder, 'checkpoint', 'state.json'), 'utf8').then(
    (text) => JSON.parse(text) as { settings?: { model?: string } },
    () => undefined,
  );
  const saved = findModelRecipe(state?.settings?.model ?? model.name.replace(/_\d+$/, ''));
  if (saved !== undefined) return saved;
  const size = model.inputs[0]?.shape[1];
  const last = model.layers.at(-1)?.getClassName();
  return {
    name: model.name,
    description: 'a saved model',
    create: () => model,
    input: size === 32 ? 'pad-to-32' : 'downsample-to-16-in-28',
    output: last === 'RbfOutput' ? 'rbf' : 'logits',
  };
}
