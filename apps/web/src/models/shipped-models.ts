import { findModelRecipe, type ModelRecipe } from '@lenet/models';

/** The catalogue names of the models whose trained weights the app ships in `public/models/<name>/`, the default first. */
const SHIPPED_NAMES = ['lenet5', 'lenet5-modern', 'lenet1'] as const;

/** The models the page offers (shipped weights, training, the browser's store), from the catalogue of @lenet/models. */
export const SHIPPED_MODELS: readonly ModelRecipe[] = SHIPPED_NAMES.flatMap((name) => {
  const recipe = findModelRecipe(name);
  return recipe === undefined ? [] : [recipe];
});

/** The shipped model called `name`; the default (LeNet-5) for other names. */
export function findShippedModel(name: string): ModelRecipe {
  return SHIPPED_MODELS.find((model) => model.name === name) ?? (SHIPPED_MODELS[0] as ModelRecipe);
}
