import * as tf from '@tensorflow/tfjs';
import { FASHION_MNIST } from '@lenet/data';
import { findModelRecipe } from '@lenet/models';
import { describe, expect, it } from 'vitest';
import { MNIST_TRAINED_ON, trainedOnOf } from '../datasets/trained-on.js';
import { recordTrainedOn, savedModelOf, storageKey, trainedOnOfModel } from './model-store.js';

/** Saves `model` in memory and reads it back, as IndexedDB and downloads do. */
async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler((artifacts) => {
      saved = artifacts;
      return Promise.resolve({
        modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' },
      });
    }),
  );
  return tf.loadLayersModel(tf.io.fromMemory(saved!));
}

describe('the model store', () => {
  it('keeps what a model was trained on through a save and a load', async () => {
    const model = findModelRecipe('lenet1')!.create(1, undefined, 10);
    const fashion = trainedOnOf(FASHION_MNIST, FASHION_MNIST.classNames ?? []);
    recordTrainedOn(model, fashion);
    const loaded = await roundTrip(model);
    expect(trainedOnOfModel(loaded)).toEqual(fashion);
    model.dispose();
    loaded.dispose();
  });

  it('takes a ten-class model saved without a record (the CLI, earlier pages) for an MNIST one', async () => {
    const model = findModelRecipe('lenet1')!.create(1);
    const loaded = await roundTrip(model);
    expect(trainedOnOfModel(loaded)).toBe(MNIST_TRAINED_ON);
    model.dispose();
    loaded.dispose();
  });

  it("keeps MNIST's models under the key of earlier pages and the others under their data set's name", () => {
    expect(storageKey('lenet1', 'mnist')).toBe('indexeddb://lenet-lenet1');
    expect(storageKey('lenet5-softmax', 'fashion-mnist')).toBe(
      'indexeddb://lenet-lenet5-softmax-fashion-mnist',
    );
  });

  it('reads the architecture and the data set back from a key, the longest model name first', () => {
    expect(savedModelOf(storageKey('lenet5-softmax', 'fashion-mnist'))).toEqual({
      key: 'indexeddb://lenet-lenet5-softmax-fashion-mnist',
      modelName: 'lenet5-softmax',
      datasetName: 'fashion-mnist',
      title: 'LeNet-5 (softmax head) on Fashion-MNIST',
    });
    expect(savedModelOf(storageKey('lenet1', 'mnist'))?.title).toBe('LeNet-1 on MNIST');
    expect(savedModelOf('indexeddb://someone-else')).toBeUndefined();
  });
});
