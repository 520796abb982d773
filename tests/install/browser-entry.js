// The browser entries of the four packages, as a web app's bundler sees them: one use of
// each, so the bundle keeps them. tests/install.test.ts builds this with Vite.
import * as tf from '@tensorflow/tfjs';
import { createTrainer, lenet5, summarize } from '@lenet/models';
import { paperScaleTensor, preprocessDigit } from '@lenet/data';
import { readOut, setupBackend } from '@lenet/core';
import { architectureFigure, drawToCanvas, layersFromModel } from '@lenet/viz';
import { activationsFromModel } from '@lenet/viz/tfjs';

export async function run(canvas) {
  await setupBackend({ wasmPaths: '/wasm/' });
  const model = lenet5();
  const digit = preprocessDigit({
    data: new Uint8ClampedArray(28 * 28 * 4),
    width: 28,
    height: 28,
  });
  const input = paperScaleTensor(
    tf.tensor4d(digit, [1, 28, 28, 1]).pad([
      [0, 0],
      [2, 2],
      [2, 2],
      [0, 0],
    ]),
  );
  drawToCanvas(architectureFigure({ layers: layersFromModel(model) }), canvas.getContext('2d'));
  const trainer = await createTrainer(model, { criterion: 'map' });
  const step = await trainer.step(tf.train.sgd(0.01), {
    pixels: input.dataSync(),
    size: 32,
    labels: new Uint8Array([0]),
  });
  return {
    summary: summarize(model),
    layers: activationsFromModel(model, input),
    label: readOut(model.predict(input), 'rbf').labels[0],
    kernels: trainer.kernels,
    loss: step.loss,
  };
}
