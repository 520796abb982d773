import * as tf from '@tensorflow/tfjs';
import type { DatasetSplit } from '@lenet/data';
import { modelInputs } from '../models/model-inputs.js';
import type { WebModel } from '../models/web-models.js';

/** A model's results on a labelled split. */
export interface Evaluation {
  /** Misclassified examples over all examples, 0..1. */
  readonly errorRate: number;
  /** The predicted label of each example. */
  readonly predictions: Uint8Array;
  /** `confusion[truth][predicted]` counts. */
  readonly confusion: number[][];
}

/**
 * Classifies every example of `split` in batches of 500, yielding to the page between
 * batches. Leaks no tensors.
 */
export async function evaluateModel(model: tf.LayersModel, recipe: WebModel, split: DatasetSplit): Promise<Evaluation> {
  const predictions = new Uint8Array(split.count);
  const size = split.height * split.width;
  for (let start = 0; start < split.count; start += 500) {
    const count = Math.min(500, split.count - start);
    const { pixels, size: side } = modelInputs({ images: split.images.subarray(start * size, (start + count) * size), count, height: split.height, width: split.width }, recipe.input);
    const labels = tf.tidy(() => {
      const output = model.predict(tf.tensor4d(pixels, [count, side, side, 1])) as tf.Tensor;
      return recipe.output === 'rbf' ? tf.argMin(output, 1) : tf.argMax(output, 1);
    });
    predictions.set(await labels.data(), start);
    labels.dispose();
  }
  const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  let errors = 0;
  predictions.forEach((predicted, index) => {
    const truth = split.labels[index] ?? 0;
    const row = confusion[truth];
    if (row !== undefined) row[predicted] = (row[predicted] ?? 0) + 1;
    if (truth !== predicted) errors += 1;
  });
  return { errorRate: errors / split.count, predictions, confusion };
}
