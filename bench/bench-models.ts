// The three networks the bench trains and runs, with the loss each trains with.
import type * as tf from '@tensorflow/tfjs';
import { rbfMleLoss, softmaxCrossEntropy } from '@lenet/core';
import { lenet1, lenet5, lenet5Modern, type TrainingCriterion } from '@lenet/models';

export interface BenchModel {
  /** Builds a fresh model. */
  readonly build: () => tf.LayersModel;
  /** Input height and width. */
  readonly size: number;
  /** Loss from one-hot labels and the model's output. */
  readonly loss: (labels: tf.Tensor, output: tf.Tensor) => tf.Scalar;
  /** The same loss, by name, for the LeNet engine. */
  readonly criterion: TrainingCriterion;
}

export const benchModels = {
  lenet1: { build: lenet1, size: 28, loss: softmaxCrossEntropy, criterion: 'cross-entropy' },
  lenet5: { build: () => lenet5(), size: 32, loss: rbfMleLoss, criterion: 'mle' },
  'lenet5-modern': { build: () => lenet5Modern(), size: 32, loss: softmaxCrossEntropy, criterion: 'cross-entropy' },
} satisfies Record<string, BenchModel>;

export type BenchModelName = keyof typeof benchModels;

export const benchModelNames = Object.keys(benchModels) as BenchModelName[];
