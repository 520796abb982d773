// Renders every figure of @lenet/viz for a briefly trained LeNet-5 on real MNIST into
// docs/figures, for the README. Run from packages/viz: `pnpm gallery` (reads MNIST from
// $LENET_MNIST_DIR or $LENET_TEST_MNIST_DIR, else from @lenet/data's usual sources).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { DIGIT_CODES, rbfMapLoss, readOut, setupBackend } from '@lenet/core';
import { imagesToTensor, labelsToTensor, loadMnist, padImages, paperScale } from '@lenet/data';
import type { DatasetSplit } from '@lenet/data';
import { lenet1, lenet5 } from '@lenet/models';
import * as viz from '@lenet/viz';
import { writeFileAtomic } from '@lenet/common/node';
import { writePng, writeSvg } from '@lenet/viz/node';
import { activationsFromModel } from '@lenet/viz/tfjs';

const trainCount = 6000;
const passes = 3;
const galleryCount = 1000;
const folder = join(import.meta.dirname, '..', 'docs', 'figures');

function slice(split: DatasetSplit, count: number): DatasetSplit {
  return {
    ...split,
    count,
    images: split.images.subarray(0, count * 784),
    labels: split.labels.subarray(0, count),
  };
}

function predictLabels(model: tf.LayersModel, images: tf.Tensor4D): number[] {
  const output = model.predict(images, { batchSize: 500 }) as tf.Tensor;
  const { labels } = readOut(output, 'rbf');
  output.dispose();
  return labels;
}

function errorRate(predicted: readonly number[], labels: Uint8Array): number {
  return predicted.filter((label, index) => label !== labels[index]).length / predicted.length;
}

/** Trains pass by pass and writes one JSON line per pass, as a training run's log would. */
async function train(
  model: tf.LayersModel,
  trainSplit: DatasetSplit,
  testSplit: DatasetSplit,
): Promise<string> {
  const [trainImages, testImages, targets] = [
    imagesToTensor(padImages(trainSplit)),
    imagesToTensor(padImages(testSplit)),
    labelsToTensor(trainSplit.labels),
  ];
  model.compile({
    optimizer: tf.train.adam(2e-3),
    loss: (labels: tf.Tensor, output: tf.Tensor) => rbfMapLoss(labels, output),
  });
  const lines: string[] = [];
  for (let epoch = 1; epoch <= passes; epoch += 1) {
    const started = performance.now();
    await model.fit(trainImages, targets, { batchSize: 32, epochs: 1, shuffle: true });
    const record = {
      epoch,
      trainError: errorRate(predictLabels(model, trainImages), trainSplit.labels),
      testError: errorRate(predictLabels(model, testImages), testSplit.labels),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
    console.info(JSON.stringify(record));
    lines.push(JSON.stringify(record));
  }
  tf.dispose([trainImages, testImages, targets]);
  return `${lines.join('\n')}\n`;
}

function confusion(predicted: readonly number[], labels: Uint8Array): number[][] {
  const matrix = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  predicted.forEach((label, index) => {
    const row = matrix[labels[index] ?? 0]!;
    row[label] = (row[label] ?? 0) + 1;
  });
  return matrix;
}

/** Every layer's output for the first test digit, read after the squashing functions. */
function activations(model: tf.LayersModel, testSplit: DatasetSplit): viz.ActivationLayer[] {
  const input = imagesToTensor(padImages(slice(testSplit, 1)));
  const layers = activationsFromModel(model, input);
  input.dispose();
  return layers;
}

function digitRows(testSplit: DatasetSplit): viz.DigitsRow[] {
  const first = slice(testSplit, 8);
  const padded = padImages(first);
  const scaled = paperScale(padded.images);
  const split = (values: ArrayLike<number>, size: number) =>
    Array.from(
      { length: 8 },
      (_, index) =>
        Array.prototype.slice.call(values, index * size, (index + 1) * size) as number[],
    );
  return [
    { label: 'raw', images: split(first.images, 784), width: 28, height: 28, domain: [0, 255] },
    {
      label: 'padded',
      images: split(padded.images, 1024),
      width: 32,
      height: 32,
      domain: [0, 255],
    },
    { label: 'scaled', images: split(scaled, 1024), width: 32, height: 32 },
  ];
}

async function main(): Promise<void> {
  const setup = await setupBackend();
  const mnistFolder = process.env['LENET_MNIST_DIR'] ?? process.env['LENET_TEST_MNIST_DIR'];
  const mnist = await loadMnist(mnistFolder === undefined ? {} : { folder: mnistFolder });
  console.info(
    `training LeNet-5 on ${trainCount} MNIST images, ${passes} passes, on ${setup.backend}`,
  );
  const model = lenet5();
  const log = await train(model, slice(mnist.train, trainCount), mnist.test);
  await writeFileAtomic(join(folder, 'training-log.jsonl'), log);
  const testImages = imagesToTensor(padImages(mnist.test));
  const predicted = predictLabels(model, testImages);
  testImages.dispose();
  const testError = errorRate(predicted, mnist.test.labels);
  console.info(`test error on all 10,000 test digits: ${(testError * 100).toFixed(2)}%`);
  const gallery = slice(mnist.test, galleryCount);
  await Promise.all([
    writeSvg(
      viz.architectureFigure({ layers: viz.layersFromModel(model), title: 'LeNet-5' }),
      join(folder, 'architecture-lenet5.svg'),
    ),
    writeSvg(
      viz.architectureFigure({ layers: viz.layersFromModel(lenet1()), title: 'LeNet-1' }),
      join(folder, 'architecture-lenet1.svg'),
    ),
    writePng(viz.rbfCodesFigure({ codes: DIGIT_CODES }), join(folder, 'rbf-codes.png')),
    writeSvg(
      viz.learningCurvesFigure({
        points: viz.parseTrainingLog(await readFile(join(folder, 'training-log.jsonl'), 'utf8')),
      }),
      join(folder, 'learning-curves.svg'),
    ),
    writePng(
      viz.misclassifiedGalleryFigure({
        images: gallery.images,
        trueLabels: gallery.labels,
        predictedLabels: predicted.slice(0, galleryCount),
      }),
      join(folder, 'misclassified.png'),
    ),
    writeSvg(
      viz.comparisonChartFigure({
        entries: [
          { label: `this LeNet-5 (${trainCount / 1000}k, ${passes} passes)`, errorRate: testError },
        ],
      }),
      join(folder, 'comparison.svg'),
    ),
    writePng(
      viz.activationsFigure({ layers: activations(model, mnist.test) }),
      join(folder, 'activations.png'),
    ),
    writePng(
      viz.kernelsFigure({ layers: viz.kernelsFromModel(model) }),
      join(folder, 'kernels.png'),
    ),
    writeSvg(
      viz.confusionMatrixFigure({ matrix: confusion(predicted, mnist.test.labels) }),
      join(folder, 'confusion-matrix.svg'),
    ),
    writePng(viz.digitsFigure({ rows: digitRows(mnist.test) }), join(folder, 'digits.png')),
  ]);
  console.info(
    viz.terminalConfusionMatrix(confusion(predicted, mnist.test.labels), { color: false }),
  );
  model.dispose();
}

await main();
