import * as tf from '@tensorflow/tfjs';
// Registers LeNet's layers, so that a saved model can be read back.
import '@lenet/core';
import { describe, expect, it } from 'vitest';
import { lenet5 } from '../lenet5.js';
import { MODEL_RECIPES } from './model-catalogue.js';
import { recognizeModel } from './recognize-model.js';

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
      expect(recognizeModel(loaded)).toBe(recipe);
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
    expect(model === undefined ? undefined : recognizeModel(model, { name: 'lenet5-modern' })).toBe(
      modern,
    );
    model?.dispose();
  });

  it('reads a model outside the catalogue by its input side and last layer, and refuses an input lenet cannot make', () => {
    const fullC3 = lenet5({ c3: 'full', seed: 1 });
    expect(recognizeModel(fullC3)).toEqual({
      name: 'lenet5',
      title: 'lenet5 (a saved model outside the catalogue)',
      input: 'pad-to-32',
      output: 'rbf',
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
});
