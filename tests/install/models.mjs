// @lenet/models from its npm tarball under plain Node ESM: LeNet-1 and LeNet-5 built and
// summarised, a few training steps, save and reload through the file system, predict.
// Prints one JSON line for tests/install.test.ts.
/* global console */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { readOut, rbfMapLoss, setupBackend } from '@lenet/core';
import { lenet1, lenet5, loadModel, saveModel, summarize } from '@lenet/models';

await setupBackend({ backends: ['wasm', 'cpu'] });
const model = lenet5({ seed: 3 });
model.compile({
  optimizer: tf.train.adam(2e-3),
  loss: (labels, distances) => rbfMapLoss(labels, distances),
});
const images = tf.randomUniform([64, 32, 32, 1], -0.1, 1.175, 'float32', 5);
const labels = tf
  .oneHot(
    tf.tensor1d(
      [...Array(64).keys()].map((index) => index % 10),
      'int32',
    ),
    10,
  )
  .toFloat();
const history = await model.fit(images, labels, {
  batchSize: 16,
  epochs: 2,
  shuffle: false,
  verbose: 0,
});

const folder = join(await mkdtemp(join(tmpdir(), 'lenet-models-')), 'lenet5');
await saveModel(model, folder);
const reloaded = await loadModel(folder);
const original = model.predict(images).arraySync();
const restored = reloaded.predict(images).arraySync();
const largestDifference = Math.max(
  ...original.flatMap((row, index) =>
    row.map((value, column) => Math.abs(value - restored[index][column])),
  ),
);

console.log(
  JSON.stringify({
    lenet5: summarize(model).totals,
    lenet1: summarize(lenet1()).totals,
    losses: history.history.loss,
    largestDifference,
    predictedLabels: readOut(reloaded.predict(images.slice(0, 4)), 'rbf').labels.length,
  }),
);
