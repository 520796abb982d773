import type * as tf from '@tensorflow/tfjs';
import { modelClasses } from '../class-count.js';
import {
  MODEL_RECIPES,
  findModelRecipe,
  supportsClasses,
  type InputPreparation,
  type ModelKind,
  type ModelRecipe,
} from './model-catalogue.js';

/** Options of {@link recognizeModel}. */
export interface RecognizeModelOptions {
  /**
   * The catalogue name the model was saved under, when the caller knows it (a run's settings,
   * a storage key): tried first, and taken when the model's layers agree with it.
   */
  readonly name?: string;
}

/** What {@link recognizeModel} tells of a model: its kind, and how many classes it tells apart. */
export interface RecognizedModel extends ModelKind {
  /** The model's classes: the width of its output, one RBF distance or logit per class. */
  readonly classes: number;
}

/** The architectures of the catalogue's recipes, by name and class count, built once each when first needed. */
const recipeArchitectures = new Map<string, string>();

/** The layers of a model as one string: each layer's class and output shape, and the parameter count. */
function architectureOf(model: tf.LayersModel): string {
  const layers = model.layers.map(
    (layer) => `${layer.getClassName()}${JSON.stringify(layer.outputShape)}`,
  );
  return `${layers.join(' ')} (${String(model.countParams())} parameters)`;
}

/** The architecture of `recipe` built for `classes` classes; undefined for a count it does not build. */
function recipeArchitecture(recipe: ModelRecipe, classes: number): string | undefined {
  if (!supportsClasses(recipe, classes)) return undefined;
  const key = `${recipe.name} ${String(classes)}`;
  const known = recipeArchitectures.get(key);
  if (known !== undefined) return known;
  const model = recipe.create(0, undefined, classes);
  const architecture = architectureOf(model);
  model.dispose();
  recipeArchitectures.set(key, architecture);
  return architecture;
}

/** The catalogue name a model's own name stands for: tfjs's `_<n>` suffix dropped, underscores read as hyphens (`lenet1_place_code`). */
function catalogueName(modelName: string): string {
  return modelName.replace(/_\d+$/, '').replaceAll('_', '-');
}

function preparationFor(side: number | null | undefined): InputPreparation | undefined {
  if (side === 32) return 'pad-to-32';
  return side === 28 ? 'downsample-to-16-in-28' : undefined;
}

/**
 * Tells which model a loaded (saved) model is and how many classes it tells apart (its output
 * width), so that it gets the right input preparation and read-out. The rules, in order:
 *
 * 1. the catalogue recipe named by `options.name`, then the one the model's own name stands for
 *    (`lenet5_softmax` is `lenet5-softmax`), each taken only when the model's layers (classes,
 *    output shapes, parameter count) are those of that recipe built for the model's class count;
 * 2. else the first catalogue recipe with the model's layers at its class count (`lenet5Modern()`
 *    is named `lenet5_softmax` but has max pooling: `lenet5-modern`; a 12-class `lenet5-softmax`
 *    is `lenet5-softmax` with 12 classes);
 * 3. else a kind outside the catalogue, named after the model: input from its side (32: padded,
 *    28: LeNet-1's 16x16 in 28x28), output from its last layer (`RbfOutput`: RBF distances, else logits).
 *
 * @param model - A model, usually one read back by `loadModel` or `tf.loadLayersModel`.
 * @param options - The name it was saved under, when known.
 * @returns The catalogue recipe's kind or the kind outside it, with the class count; undefined
 *   when the model's input is neither 32x32 nor 28x28, which no preparation of lenet makes.
 * @throws `ModelOptionError` when the model's output is not one score per class (`[batch, classes]`).
 * @example
 * ```ts
 * const kind = recognizeModel(await tf.loadLayersModel(tf.io.browserFiles(files)));
 * if (kind === undefined) throw new Error('Not a model lenet can feed: its input is neither 32x32 nor 28x28.');
 * ```
 */
export function recognizeModel(
  model: tf.LayersModel,
  options: RecognizeModelOptions = {},
): RecognizedModel | undefined {
  const input = preparationFor(model.inputs[0]?.shape[1]);
  if (input === undefined) return undefined;
  const classes = modelClasses(model);
  const architecture = architectureOf(model);
  const named = [options.name, catalogueName(model.name)].flatMap((name) => {
    const recipe = name === undefined ? undefined : findModelRecipe(name);
    return recipe === undefined ? [] : [recipe];
  });
  const recipe = [...named, ...MODEL_RECIPES].find(
    (candidate) =>
      candidate.input === input && recipeArchitecture(candidate, classes) === architecture,
  );
  if (recipe !== undefined)
    return { name: recipe.name, title: recipe.title, input, output: recipe.output, classes };
  const name = catalogueName(model.name);
  return {
    name,
    title: `${name} (a saved model outside the catalogue)`,
    input,
    output: model.layers.at(-1)?.getClassName() === 'RbfOutput' ? 'rbf' : 'logits',
    classes,
  };
}
