import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ModelOptionError } from '../model-option-error.js';
import { findModelRecipe, MODEL_NAMES, MODEL_RECIPES, supportsClasses } from './model-catalogue.js';
import { inputSide } from './model-inputs.js';

describe('the model catalogue', () => {
  it("names six models, each once, the paper's LeNet-5 first", () => {
    expect(MODEL_NAMES).toEqual([
      'lenet5',
      'lenet5-softmax',
      'lenet5-modern',
      'lenet1',
      'lenet1-place-code',
      'lenet4',
    ]);
    expect(new Set(MODEL_RECIPES.map((recipe) => recipe.title)).size).toBe(MODEL_RECIPES.length);
    expect(findModelRecipe('lenet1')?.title).toBe('LeNet-1');
    expect(findModelRecipe('lenet6')).toBeUndefined();
  });

  it.each(MODEL_RECIPES.map((recipe) => [recipe.name, recipe] as const))(
    'builds %s with the input side and output its recipe says',
    (_, recipe) => {
      const model = recipe.create(1);
      expect(model.inputs[0]?.shape.slice(1)).toEqual([
        inputSide(recipe.input),
        inputSide(recipe.input),
        1,
      ]);
      expect(model.layers.at(-1)?.getClassName() === 'RbfOutput').toBe(recipe.output === 'rbf');
      model.dispose();
    },
  );

  it('gives the same weights for the same seed and scheme, other weights for another seed', () => {
    const recipe = findModelRecipe('lenet1');
    const weights = (seed: number) => {
      const model = recipe?.create(seed, 'eblearn');
      const values = tf.tidy(() =>
        model?.getWeights().map((weight) => Array.from(weight.dataSync())),
      );
      model?.dispose();
      return values;
    };
    expect(weights(3)).toEqual(weights(3));
    expect(weights(3)).not.toEqual(weights(4));
  });

  it('tells which recipes build 12 classes: all but the paper LeNet-5, whose RBF codes are the ten digits', () => {
    expect(
      MODEL_RECIPES.filter((recipe) => supportsClasses(recipe, 12)).map((recipe) => recipe.name),
    ).toEqual(['lenet5-softmax', 'lenet5-modern', 'lenet1', 'lenet1-place-code', 'lenet4']);
    const paper = findModelRecipe('lenet5')!;
    expect(paper.classCounts).toEqual([10]);
    expect(supportsClasses(paper, 10)).toBe(true);
    expect(() => paper.create(1, undefined, 12)).toThrow(ModelOptionError);
    for (const classes of [1, 2.5, Number.NaN])
      expect(supportsClasses(findModelRecipe('lenet1')!, classes)).toBe(false);
  });

  it.each(
    MODEL_RECIPES.filter((recipe) => supportsClasses(recipe, 3)).map(
      (recipe) => [recipe.name, recipe] as const,
    ),
  )('builds %s with one output per class', (_, recipe) => {
    const model = recipe.create(1, 'eblearn', 3);
    expect(model.outputs[0]?.shape).toEqual([null, 3]);
    model.dispose();
  });
});
