import * as tf from '@tensorflow/tfjs';
// Registers LeNet's layers, so that a saved model can be read back.
import '@lenet/core';
import { describe, expect, it } from 'vitest';
import { lenet5 } from '../lenet5.js';
import { findModelRecipe, MODEL_RECIPES, type ModelRecipe } from './model-catalogue.js';
import { recognizeModel } from './recognize-model.js';

/** What recognizeModel tells of a model built by `recipe` for `classes` classes. */
function kindOf(recipe: ModelRecipe, classes: number) {
  const { name, title, input, output } = recipe;
  return { name, title, input, output, classes };
}

async function saveAndLoad(model: tf.LayersModel): Promise<tf.LayersModel> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler((saved) => {
      artifacts = saved;
      return Promise.resolve({
        modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' },
      });
    }),
  );
  return tf.loadLayersModel(tf.io.fromMemory(artifacts as tf.io.ModelArtifacts));
}

describe('recognizeModel', () => {
  it.each(MODEL_RECIPES.map((recipe) => [recipe.name, recipe] as const))(
    'recognises a saved and reloaded %s by its layers',
    async (_, recipe) => {
      const model = recipe.create(1);
      const loaded = await saveAndLoad(model);
      expect(recognizeModel(loaded)).toEqual(kindOf(recipe, 10));
      [model, loaded].forEach((each) => {
        each.dispose();
      });
    },
  );

  it('tells the modern LeNet-5 (named lenet5_softmax by its factory) from the softmax LeNet-5 and takes a name only when the layers agree', () => {
    const modern = MODEL_RECIPES.find((recipe) => recipe.name === 'lenet5-modern');
    const model = modern?.create(1);
    expect(model?.name).toBe('lenet5_softmax');
    expect(model === undefined ? undefined : recognizeModel(model)?.name).toBe('lenet5-modern');
    expect(
      model === undefined ? undefined : recognizeModel(model, { name: 'lenet5-softmax' })?.name,
    ).toBe('lenet5-modern');
    expect(
      model === undefined ? undefined : recognizeModel(model, { name: 'lenet5-modern' }),
    ).toEqual(modern === undefined ? undefined : kindOf(modern, 10));
    model?.dispose();
  });

  it('reads a model outside the catalogue by its input side and last layer, and refuses an input lenet cannot make', () => {
    const fullC3 = lenet5({ c3: 'full', seed: 1 });
    expect(recognizeModel(fullC3)).toEqual({
      name: 'lenet5',
      title: 'lenet5 (a saved model outside the catalogue)',
      input: 'pad-to-32',
      output: 'rbf',
      classes: 10,
    });
    fullC3.dispose();
    const input = tf.input({ shape: [20, 20, 1] });
    const tiny = tf.model({
      inputs: input,
      outputs: tf.layers
        .dense({ units: 10 })
        .apply(tf.layers.flatten().apply(input)) as tf.SymbolicTensor,
      name: 'tiny',
    });
    expect(recognizeModel(tiny)).toBeUndefined();
    tiny.dispose();
  });

  it.each([
    ['lenet5-softmax', 12],
    ['lenet5-modern', 3],
    ['lenet1-place-code', 12],
    ['lenet4', 2],
  ] as const)(
    'recognises a saved and reloaded %s of %i classes with its class count',
    async (name, classes) => {
      const recipe = findModelRecipe(name)!;
      const model = recipe.create(1, undefined, classes);
      const loaded = await saveAndLoad(model);
      expect(recognizeModel(loaded)).toEqual(kindOf(recipe, classes));
      // A name whose recipe cannot have that many classes (lenet5: the ten digit codes) is passed over.
      expect(recognizeModel(loaded, { name: 'lenet5' })).toEqual(kindOf(recipe, classes));
      [model, loaded].forEach((each) => {
        each.dispose();
      });
    },
  );
});
