import * as tf from '@tensorflow/tfjs';
import { readOut, rbfMapLoss, setupBackend, softmaxCrossEntropy } from '@lenet/core';
import type { OutputKind } from '@lenet/core';
import { imagesToTensor, labelsToTensor, loadMnist, padImages } from '@lenet/data';
import type { DatasetSplit } from '@lenet/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { lenet1 } from './lenet1.js';
import { lenet5 } from './lenet5.js';

// Each run takes 15-25 s on wasm with setupBackend()'s kernels; the timeout allows for a busy machine.
const trainCount = 3000;
const testCount = 1000;
let train: DatasetSplit;
let test: DatasetSplit;

function slice(split: DatasetSplit, count: number): DatasetSplit {
  return {
    ...split,
    count,
    images: split.images.subarray(0, count * split.height * split.width),
    labels: split.labels.subarray(0, count),
  };
}

beforeAll(async () => {
  const folder = process.env['LENET_TEST_MNIST_DIR'];
  if (folder === undefined || folder === '')
    throw new Error(
      'LENET_TEST_MNIST_DIR is not set: point it at the folder holding the four MNIST .gz files.',
    );
  const mnist = await loadMnist({ folder });
  train = slice(mnist.train, trainCount);
  test = slice(mnist.test, testCount);
  await setupBackend();
});

function inputs(split: DatasetSplit, padded: boolean): tf.Tensor4D {
  return imagesToTensor(padded ? padImages(split) : split);
}

function accuracy(
  model: tf.LayersModel,
  images: tf.Tensor4D,
  labels: Uint8Array,
  kind: OutputKind,
): number {
  const output = model.predict(images) as tf.Tensor;
  const predicted = readOut(output, kind).labels;
  output.dispose();
  return predicted.filter((label, index) => label === labels[index]).length / labels.length;
}

async function smokeTrain(
  model: tf.LayersModel,
  loss: (labels: tf.Tensor, output: tf.Tensor) => tf.Scalar,
  kind: OutputKind,
  padded: boolean,
) {
  const [trainImages, testImages] = [inputs(train, padded), inputs(test, padded)];
  const targets = labelsToTensor(train.labels);
  model.compile({ optimizer: tf.train.adam(2e-3), loss });
  const before = accuracy(model, testImages, test.labels, kind);
  const started = performance.now();
  const history = await model.fit(trainImages, targets, {
    batchSize: 32,
    epochs: 3,
    shuffle: true,
  });
  const seconds = (performance.now() - started) / 1000;
  const after = accuracy(model, testImages, test.labels, kind);
  const losses = history.history['loss'] as number[];
  console.info(
    `${model.name} on ${tf.getBackend()}: loss ${losses.map((value) => value.toFixed(3)).join(' -> ')}, test accuracy ${before} -> ${after}, ${((3 * trainCount) / seconds).toFixed(0)} images/s`,
  );
  tf.dispose([trainImages, testImages, targets]);
  model.dispose();
  return { losses, before, after };
}

describe('smoke training on real MNIST (3,000 training and 1,000 test images, 3 epochs)', () => {
  it('trains LeNet-1: loss falls and test accuracy ends well above chance', async () => {
    const { losses, after } = await smokeTrain(lenet1(), softmaxCrossEntropy, 'logits', false);
    expect(losses[2]).toBeLessThan(losses[0]! * 0.7);
    expect(after).toBeGreaterThan(0.8);
  }, 240_000);

  it('trains LeNet-5 with the RBF head and the MAP criterion', async () => {
    const { losses, after } = await smokeTrain(
      lenet5(),
      (labels, output) => rbfMapLoss(labels, output),
      'rbf',
      true,
    );
    expect(losses[2]).toBeLessThan(losses[0]! * 0.7);
    expect(after).toBeGreaterThan(0.8);
  }, 240_000);

  it('trains LeNet-5 with the softmax head', async () => {
    const { losses, after } = await smokeTrain(
      lenet5({ head: 'softmax' }),
      softmaxCrossEntropy,
      'logits',
      true,
    );
    expect(losses[2]).toBeLessThan(losses[0]! * 0.7);
    expect(after).toBeGreaterThan(0.8);
  }, 240_000);
});
