import type * as tf from '@tensorflow/tfjs';
import type { OutputKind } from '@lenet/core';
import { lenet1, lenet5, lenet5Modern } from '@lenet/models';

/** How a model wants its 28x28 MNIST digits. */
export type InputPreparation = 'pad-to-32' | 'downsample-to-16-in-28';

/** A model the page offers: its shipped weights and how to feed and read it. */
export interface WebModel {
  /** The name used in URLs and by the CLI's `--model`. */
  readonly name: string;
  /** The name shown in the model menu. */
  readonly title: string;
  /** How the 28x28 digit becomes the model's input. */
  readonly input: InputPreparation;
  /** What the last layer outputs: RBF distances (lower is better) or logits. */
  readonly output: OutputKind;
  /** Builds a freshly initialised model for training in the page. */
  readonly create: (seed: number) => tf.LayersModel;
}

/** The three models the page ships weights for, the default first. */
export const WEB_MODELS: readonly WebModel[] = [
  { name: 'lenet5', title: 'LeNet-5 (paper)', input: 'pad-to-32', output: 'rbf', create: (seed) => lenet5({ seed }) },
  { name: 'lenet5-modern', title: 'LeNet-5 (modern)', input: 'pad-to-32', output: 'logits', create: (seed) => lenet5Modern({ seed }) },
  { name: 'lenet1', title: 'LeNet-1', input: 'downsample-to-16-in-28', output: 'logits', create: (seed) => lenet1({ seed }) },
];

/** The model called `name`; the default (LeNet-5) for unknown names. */
export function findWebModel(name: string): WebModel {
  return WEB_MODELS.find((model) => model.name === name) ?? (WEB_MODELS[0] as WebModel);
}
