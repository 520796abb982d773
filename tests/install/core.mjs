// @lenet/core from its npm tarball under plain Node ESM: the paper's layers, the RBF
// read-out, the error base class. Prints one JSON line for tests/install.test.ts.
/* global console */
import * as tf from '@tensorflow/tfjs';
import {
  C3_TABLE,
  DIGIT_CODES,
  PartialConv2D,
  RbfOutput,
  ScaledTanh,
  TrainableSubsampling2D,
  readOut,
  setupBackend,
} from '@lenet/core';
import { LayerArgumentError, LenetError } from '@lenet/core/errors';

const setup = await setupBackend({ backends: ['wasm', 'cpu'] });
const input = tf.input({ shape: [14, 14, 6] });
const c3 = new PartialConv2D({ name: 'C3', table: C3_TABLE });
const s4 = new TrainableSubsampling2D({ name: 'S4', activation: 'scaledTanh' });
const features = s4.apply(new ScaledTanh().apply(c3.apply(input)));
const model = tf.model({ inputs: input, outputs: features });

const rbf = new RbfOutput();
const distances = rbf.apply(tf.tensor2d([[...DIGIT_CODES[3]], [...DIGIT_CODES[8]]]));
const { labels } = readOut(distances, 'rbf');

let badArgument;
try {
  new PartialConv2D({ table: [[0]], kernelSize: -1 });
} catch (error) {
  badArgument = error;
}

console.log(
  JSON.stringify({
    backend: setup.backend,
    kernels: setup.kernels.length,
    parameters: model.countParams(),
    outputShape: model.outputs[0].shape,
    rbfFixedParameters: rbf.countParams(),
    labels,
    errorIsLenetError:
      LenetError.isInstance(badArgument) && badArgument instanceof LayerArgumentError,
  }),
);
