import * as tf from '@tensorflow/tfjs';
// Registers LeNet's custom layers (PartialConv2D, RbfOutput, ...) before a model is read.
import '@lenet/core';
import type { ModelKind } from '@lenet/models';

/** Reads the weights shipped with the app for `model`, from `models/<name>/model.json`. */
export function loadShippedModel(model: ModelKind, baseUrl: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(new URL(`models/${model.name}/model.json`, baseUrl).href);
}
