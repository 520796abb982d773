// What a user of all four packages does, from the npm tarballs under plain Node ESM:
// load MNIST, build and summarise LeNet-5, train a few batches, save, reload, predict,
// render figures. Prints one JSON line of results for tests/install.test.ts to check.
/* global console, process */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { rbfMapLoss, readOut, setupBackend } from '@lenet/core';
import {
  createRandom,
  gather,
  imagesToTensor,
  labelsToTensor,
  loadMnist,
  padImages,
  shuffledIndices,
} from '@lenet/data';
import {
  createDataParallelTrainer,
  formatSummary,
  lenet5,
  loadModel,
  saveModel,
  summarize,
} from '@lenet/models';
import { architectureFigure, confusionMatrixFigure, layersFromModel } from '@lenet/viz';
import { writePng, writeSvg } from '@lenet/viz/node';
import { activationsFromModel } from '@lenet/viz/tfjs';

const folder = process.env.LENET_TEST_MNIST_DIR;
if (!folder)
  throw new Error('LENET_TEST_MNIST_DIR is not set: point it at the four MNIST .gz files.');

const setup = await setupBackend({ backends: ['wasm', 'cpu'] });
const mnist = await loadMnist({ folder });
const random = createRandom(7);
const trainSubset = gather(mnist.train, [
  ...shuffledIndices(mnist.train.count, random).slice(0, 512),
]);
const testSubset = gather(
  mnist.test,
  Array.from({ length: 500 }, (_, index) => index),
);
const trainImages = imagesToTensor(padImages(trainSubset));
const trainLabels = labelsToTensor(trainSubset.labels);
const testImages = imagesToTensor(padImages(testSubset));

const model = lenet5({ seed: 1 });
const summary = summarize(model);
model.compile({
  optimizer: tf.train.adam(2e-3),
  loss: (labels, distances) => rbfMapLoss(labels, distances),
});
const lossOf = () =>
  tf.tidy(() => model.evaluate(trainImages, trainLabels, { batchSize: 128 }).dataSync()[0]);
const lossBefore = lossOf();
await model.fit(trainImages, trainLabels, { batchSize: 64, epochs: 1, shuffle: false, verbose: 0 });
const lossAfter = lossOf();

// A few more batches on the LeNet engine (its .wasm from the core tarball), split across two threads.
const trainer = await createDataParallelTrainer(model, { criterion: 'map', threads: 2 });
const trainPixels = trainImages.dataSync();
const engineLosses = [];
for (let start = 0; start < 256; start += 64) {
  const step = await trainer.step(tf.train.sgd(1e-4), {
    pixels: trainPixels.slice(start * 1024, (start + 64) * 1024),
    size: 32,
    labels: trainSubset.labels.slice(start, start + 64),
  });
  engineLosses.push(step.loss);
}
await trainer.dispose();

const modelFolder = join(await mkdtemp(join(tmpdir(), 'lenet-install-')), 'lenet5');
await saveModel(model, modelFolder);
const reloaded = await loadModel(modelFolder);
const [before, after] = [model, reloaded].map((network) => {
  const distances = network.predict(testImages);
  const labels = readOut(distances, 'rbf').labels;
  distances.dispose();
  return labels;
});
const matrix = Array.from({ length: 10 }, () => new Array(10).fill(0));
after.forEach((predicted, index) => (matrix[testSubset.labels[index]][predicted] += 1));
const correct = after.filter((predicted, index) => predicted === testSubset.labels[index]).length;

const pngPath = join(modelFolder, 'confusion.png');
await writePng(confusionMatrixFigure({ matrix }), pngPath);
const svgPath = join(modelFolder, 'architecture.svg');
await writeSvg(architectureFigure({ layers: layersFromModel(reloaded) }), svgPath);
const activations = activationsFromModel(reloaded, testImages.slice([0, 0, 0, 0], [1, 32, 32, 1]));
const png = await readFile(pngPath);
const svg = await readFile(svgPath, 'utf8');

console.log(formatSummary(summary));
console.log(
  JSON.stringify({
    backend: setup.backend,
    trainCount: mnist.train.count,
    testCount: mnist.test.count,
    verified: mnist.files.every((file) => file.verified),
    totals: summary.totals,
    lossBefore,
    lossAfter,
    engine: { kernels: trainer.kernels, threads: trainer.threads, losses: engineLosses },
    reloadedPredictsTheSame: before.every((label, index) => label === after[index]),
    testAccuracy: correct / testSubset.count,
    pngSignature: [...png.subarray(0, 8)],
    svgStart: svg.slice(0, 4),
    activationLayers: activations.map((layer) => layer.name),
  }),
);
