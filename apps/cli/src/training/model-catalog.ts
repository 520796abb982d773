import type * as tf from '@tensorflow/tfjs';
import type { InitialisationScheme, OutputKind } from '@lenet/core';
import { lenet1, lenet4, lenet5, lenet5Modern } from '@lenet/models';

/** How a model wants its 28x28 MNIST digits. */
export type InputPreparation = 'pad-to-32' | 'downsample-to-16-in-28';

/** A model the command line can build by name, and how to feed it. */
export interface ModelRecipe {
  /** The name used on the command line. */
  readonly name: string;
  /** One line for `--help` and summaries. */
  readonly description: string;
  /** Builds a freshly initialised model; the same seed and scheme give the same weights. */
  readonly create: (seed?: number, initialisation?: InitialisationScheme) => tf.LayersModel;
  /** How the MNIST digits are turned into the model's input. */
  readonly input: InputPreparation;
  /** What the last layer outputs. */
  readonly output: OutputKind;
}

/** The models `lenet train`, `lenet summary` and friends know, by name. */
export const MODEL_RECIPES: readonly ModelRecipe[] = [
  {
    name: 'lenet5',
    description: "LeNet-5 as in the 1998 paper: scaled tanh, trainable subsampling, the C3 table, fixed RBF codes (60,000 parameters)",
    create: (seed, initialisation) => lenet5({ seed, initialisation }),
    input: 'pad-to-32',
    output: 'rbf',
  },
  {
    name: 'lenet5-softmax',
    description: 'LeNet-5 as in the paper but with a dense softmax head instead of the RBF codes (60,850 parameters)',
    create: (seed, initialisation) => lenet5({ head: 'softmax', seed, initialisation }),
    input: 'pad-to-32',
    output: 'logits',
  },
  {
    name: 'lenet5-modern',
    description: 'the common modern LeNet-5: ReLU, max pooling, full C3, softmax',
    create: (seed, initialisation) => lenet5Modern({ seed, initialisation }),
    input: 'pad-to-32',
    output: 'logits',
  },
  {
    name: 'lenet1',
    description: 'LeNet-1 (1989): 16x16 digits centred in 28x28, 2,578 parameters',
    create: (seed, initialisation) => lenet1({ seed, initialisation }),
    input: 'downsample-to-16-in-28',
    output: 'logits',
  },
  {
    name: 'lenet1-place-code',
    description: 'LeNet-1 with the 1989 output: 10 scaled-tanh units read against +-1 place codes by an RBF layer (squared error to +-1 targets with --loss mle), 2,578 parameters',
    create: (seed, initialisation) => lenet1({ head: 'place-code', seed, initialisation }),
    input: 'downsample-to-16-in-28',
    output: 'rbf',
  },
  {
    name: 'lenet4',
    description: "LeNet-4, reconstructed from the paper's prose (its connectivity is not fully given)",
    create: (seed, initialisation) => lenet4({ seed, initialisation }),
    input: 'pad-to-32',
    output: 'logits',
  },
];

/** The names of {@link MODEL_RECIPES}. */
export const MODEL_NAMES: readonly string[] = MODEL_RECIPES.map((recipe) => recipe.name);

/** The recipe called `name`, or undefined. */
export function findModelRecipe(name: string): ModelRecipe | undefined {
  return MODEL_RECIPES.find((recipe) => recipe.name === name);
}
