import type * as tf from '@tensorflow/tfjs';
import { WEB_MODELS, type WebModel } from './web-models.js';

/**
 * Tells which of the page's models a loaded model is (so a file saved by the CLI gets the
 * right input preparation and read-out): an RBF output is the paper's LeNet-5, a 28x28 input
 * is LeNet-1, anything else the modern LeNet-5.
 */
export function recognizeModel(model: tf.LayersModel): WebModel {
  const last = model.layers.at(-1)?.getClassName();
  const side = model.inputs[0]?.shape[1];
  const name = last === 'RbfOutput' ? 'lenet5' : side === 28 ? 'lenet1' : 'lenet5-modern';
  return WEB_MODELS.find((model) => model.name === name) ?? (WEB_MODELS[0] as WebModel);
}
