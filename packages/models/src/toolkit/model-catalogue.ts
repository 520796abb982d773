import type * as tf from '@tensorflow/tfjs';
import type { InitialisationScheme, OutputKind } from '@lenet/core';
import { DEFAULT_CLASSES } from '../class-count.js';
import { lenet1 } from '../lenet1.js';
import { lenet4 } from '../lenet4.js';
import { lenet5, lenet5Modern } from '../lenet5.js';

/**
 * How a model wants MNIST's 28x28 digits: `pad-to-32` pads them to 32x32 (LeNet-4 and
 * LeNet-5), `downsample-to-16-in-28` scales them into a 16x16 box centred in 28x28 (LeNet-1).
 *
 * @see LeCun et al. 1998, Section III.A (the 32x32 field) and Section III.C (LeNet-1's 16x16 digits).
 */
export type InputPreparation = 'pad-to-32' | 'downsample-to-16-in-28';

/** Which model this is, and how to feed it and read its output. */
export interface ModelKind {
  /** The catalogue name (`lenet train --model`, the web page's URLs), or a saved model's own name when it is not in the catalogue. */
  readonly name: string;
  /** The name shown to people, e.g. `LeNet-5 (paper)`. */
  readonly title: string;
  /** How MNIST's 28x28 digits become the model's input. */
  readonly input: InputPreparation;
  /** What the last layer outputs: RBF distances (lower is better) or logits. */
  readonly output: OutputKind;
}

/**
 * The class counts a recipe builds: `any` (every integer >= 2; a dense output layer of one
 * unit per class), or the only ones it can (the paper's LeNet-5, whose RBF codes are the ten
 * digits: `[10]`).
 */
export type ClassCounts = 'any' | readonly number[];

/** A model of the catalogue: its kind, a one-line description, its class counts and its factory. */
export interface ModelRecipe extends ModelKind {
  /** One line for `--help` and summaries. */
  readonly description: string;
  /**
   * The class counts {@link ModelRecipe.create} accepts (see {@link supportsClasses}): check a
   * data set's `classes` against it before building, and offer another recipe (`lenet5-softmax`
   * for `lenet5`) when it does not fit.
   */
  readonly classCounts: ClassCounts;
  /**
   * Builds a freshly initialised model; the same seed, scheme and class count give the same
   * weights.
   *
   * @param seed - The seed of the initialisation; random when undefined.
   * @param initialisation - How the weights start; the paper's `paper` scheme when undefined.
   * @param classes - The output units, one per class; 10 (the digits) when undefined.
   * @throws `ModelOptionError` for a class count outside {@link ModelRecipe.classCounts}.
   */
  readonly create: (
    seed?: number,
    initialisation?: InitialisationScheme,
    classes?: number,
  ) => tf.LayersModel;
}

/** The models lenet builds by name: the command line's `--model` choices and the web page's models, the default first. */
export const MODEL_RECIPES: readonly ModelRecipe[] = [
  {
    name: 'lenet5',
    title: 'LeNet-5 (paper)',
    description:
      'LeNet-5 as in the 1998 paper: scaled tanh, trainable subsampling, the C3 table, fixed RBF codes of the ten digits (60,000 parameters; 10 classes only)',
    classCounts: [DEFAULT_CLASSES],
    create: (seed, initialisation, classes) => lenet5({ seed, initialisation, classes }),
    input: 'pad-to-32',
    output: 'rbf',
  },
  {
    name: 'lenet5-softmax',
    title: 'LeNet-5 (softmax head)',
    description:
      'LeNet-5 as in the paper but with a dense softmax head instead of the RBF codes (60,850 parameters with 10 classes; any class count)',
    classCounts: 'any',
    create: (seed, initialisation, classes) =>
      lenet5({ head: 'softmax', seed, initialisation, classes }),
    input: 'pad-to-32',
    output: 'logits',
  },
  {
    name: 'lenet5-modern',
    title: 'LeNet-5 (modern)',
    description: 'the common modern LeNet-5: ReLU, max pooling, full C3, softmax',
    classCounts: 'any',
    create: (seed, initialisation, classes) => lenet5Modern({ seed, initialisation, classes }),
    input: 'pad-to-32',
    output: 'logits',
  },
  {
    name: 'lenet1',
    title: 'LeNet-1',
    description: 'LeNet-1 (1989): 16x16 digits centred in 28x28, 2,578 parameters',
    classCounts: 'any',
    create: (seed, initialisation, classes) => lenet1({ seed, initialisation, classes }),
    input: 'downsample-to-16-in-28',
    output: 'logits',
  },
  {
    name: 'lenet1-place-code',
    title: 'LeNet-1 (place codes)',
    description:
      'LeNet-1 with the 1989 output: a scaled-tanh unit per class (10 for digits) read against +-1 place codes by an RBF layer (squared error to +-1 targets with --loss mle), 2,578 parameters',
    classCounts: 'any',
    create: (seed, initialisation, classes) =>
      lenet1({ head: 'place-code', seed, initialisation, classes }),
    input: 'downsample-to-16-in-28',
    output: 'rbf',
  },
  {
    name: 'lenet4',
    title: 'LeNet-4',
    description:
      "LeNet-4, reconstructed from the paper's prose (its connectivity is not fully given)",
    classCounts: 'any',
    create: (seed, initialisation, classes) => lenet4({ seed, initialisation, classes }),
    input: 'pad-to-32',
    output: 'logits',
  },
];

/** The names of {@link MODEL_RECIPES}, in order. */
export const MODEL_NAMES: readonly string[] = MODEL_RECIPES.map((recipe) => recipe.name);

/**
 * The catalogue's recipe called `name`.
 *
 * @param name - A name of {@link MODEL_NAMES}, e.g. `lenet5`.
 * @returns The recipe, or undefined for a name the catalogue does not hold.
 * @example
 * ```ts
 * const recipe = findModelRecipe('lenet1');
 * const model = recipe?.create(1);
 * ```
 */
export function findModelRecipe(name: string): ModelRecipe | undefined {
  return MODEL_RECIPES.find((recipe) => recipe.name === name);
}

/**
 * Whether `recipe` builds a model of `classes` classes: an integer >= 2 in its
 * {@link ModelRecipe.classCounts}.
 *
 * @param recipe - A catalogue recipe.
 * @param classes - A class count, such as a data set's `classes`.
 * @example
 * ```ts
 * supportsClasses(findModelRecipe('lenet5')!, 12); // false: its RBF codes are the ten digits
 * MODEL_RECIPES.filter((recipe) => supportsClasses(recipe, 12)); // lenet5-softmax, lenet5-modern, ...
 * ```
 */
export function supportsClasses(recipe: ModelRecipe, classes: number): boolean {
  if (!Number.isInteger(classes) || classes < 2) return false;
  return recipe.classCounts === 'any' || recipe.classCounts.includes(classes);
}
