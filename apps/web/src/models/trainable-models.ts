import { findModelRecipe, supportsClasses, type ModelRecipe } from '@lenet/models';
import { SHIPPED_MODELS } from './shipped-models.js';

/**
 * The models the page trains, from the catalogue of @lenet/models: the shipped ones, and
 * LeNet-5 with a softmax head, the paper's LeNet-5 for data sets of other than ten classes.
 */
export const TRAINABLE_MODELS: readonly ModelRecipe[] = [
  ...SHIPPED_MODELS.slice(0, 1),
  ...[findModelRecipe('lenet5-softmax')].flatMap((recipe) =>
    recipe === undefined ? [] : [recipe],
  ),
  ...SHIPPED_MODELS.slice(1),
];

/** The trainable model called `name`; the default (LeNet-5) for other names. */
export function findTrainableModel(name: string): ModelRecipe {
  return (
    TRAINABLE_MODELS.find((model) => model.name === name) ?? (TRAINABLE_MODELS[0] as ModelRecipe)
  );
}

/**
 * Why `recipe` cannot learn a data set of `classes` classes, and which trainable models can;
 * undefined when it can.
 *
 * @param recipe - The model chosen.
 * @param classes - The data set's class count.
 * @param title - The data set's title, for the message.
 * @example
 * ```ts
 * classCountProblem(findTrainableModel('lenet5'), 3, 'IDX files');
 * // 'LeNet-5 (paper) builds 10 classes only (its RBF codes are the ten digits), not the 3 of IDX files. Train LeNet-5 (softmax head), LeNet-5 (modern) or LeNet-1 on them instead.'
 * ```
 */
export function classCountProblem(
  recipe: ModelRecipe,
  classes: number,
  title: string,
): string | undefined {
  if (supportsClasses(recipe, classes)) return undefined;
  const others = TRAINABLE_MODELS.filter((model) => supportsClasses(model, classes)).map(
    (model) => model.title,
  );
  if (others.length === 0)
    return `${title}: ${classes} ${classes === 1 ? 'class' : 'classes'}; a classifier needs at least 2 classes to tell apart.`;
  const counts = recipe.classCounts === 'any' ? [] : recipe.classCounts;
  const reason = recipe.output === 'rbf' ? ' (its RBF codes are the ten digits)' : '';
  const choices = `${others.slice(0, -1).join(', ')} or ${others.at(-1) ?? ''}`.replace(
    /^ or /,
    '',
  );
  return `${recipe.title} builds ${counts.join(' or ')} classes only${reason}, not the ${classes} of ${title}. Train ${choices} on them instead.`;
}
