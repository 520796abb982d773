import * as tf from '@tensorflow/tfjs';
// Registers LeNet's custom layers (PartialConv2D, RbfOutput, ...) before a model is read.
import '@lenet/core';
import type { ModelKind } from '@lenet/models';

/**
 * Reads the weights shipped with the app for `model`, from `models/<name>/model.json`.
 *
 * @param model - The catalogue model.
 * @param baseUrl - The page's URL.
 * @param signal - Aborts the requests (a later model switch).
 */
export function loadShippedModel(
  model: ModelKind,
  baseUrl: string,
  signal?: AbortSignal,
): Promise<tf.LayersModel> {
  return tf.loadLayersModel(new URL(`models/${model.name}/model.json`, baseUrl).href, {
    requestInit: { signal: signal ?? null },
  });
}
