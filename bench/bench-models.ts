// The three networks the bench trains and runs, from the model catalogue of @lenet/models (the
// one `lenet train` and the web page use), with the loss each trains with.
import type * as tf from '@tensorflow/tfjs';
import {
  criterionFor,
  criterionLoss,
  findModelRecipe,
  inputSide,
  type TrainingCriterion,
} from '@lenet/models';

export interface BenchModel {
  /** Builds a fresh model. */
  readonly build: () => tf.LayersModel;
  /** Input height and width. */
  readonly size: number;
  /** Loss from one-hot labels and the model's output. */
  readonly loss: (labels: tf.Tensor, output: tf.Tensor) => tf.Scalar;
  /** The same loss, by name, for the LeNet engine. */
  readonly criterion: TrainingCriterion;
}

/** The catalogue's model `name` as the bench runs it: RBF heads train with the paper's MLE (as PyTorch's reference does), logits with cross-entropy. */
function benchModel(name: string): BenchModel {
  const recipe = findModelRecipe(name);
  if (recipe === undefined)
    throw new Error(
      `The model catalogue of @lenet/models has no "${name}": pick one of its MODEL_NAMES.`,
    );
  const criterion = criterionFor('mle', recipe.output);
  return {
    build: () => recipe.create(),
    size: inputSide(recipe.input),
    loss: criterionLoss(criterion),
    criterion,
  };
}

export const benchModels = {
  lenet1: benchModel('lenet1'),
  lenet5: benchModel('lenet5'),
  'lenet5-modern': benchModel('lenet5-modern'),
} satisfies Record<string, BenchModel>;

export type BenchModelName = keyof typeof benchModels;

export const benchModelNames = Object.keys(benchModels) as BenchModelName[];
