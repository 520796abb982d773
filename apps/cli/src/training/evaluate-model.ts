import * as tf from '@tensorflow/tfjs';
import type { DatasetSplit } from '@lenet/data';
import type { ModelRecipe } from './model-catalog.js';
import { modelInputs } from './model-inputs.js';

/** A model's results on a labelled split. */
export interface Evaluation {
  /** Misclassified examples over all examples, 0..1. */
  readonly errorRate: number;
  readonly errors: number;
  readonly count: number;
  /** The predicted label of each example. */
  readonly predictions: Uint8Array;
  /** `confusion[true * 10 + predicted]` counts. */
  readonly confusion: Int32Array;
}

/**
 * Classifies every example of `split` in batches (no training-time behaviour) and counts the
 * errors per class. Leaks no tensors.
 */
export function evaluateModel(model: tf.LayersModel, recipe: ModelRecipe, split: DatasetSplit, batchSize = 1000): Evaluation {
  const predictions = new Uint8Array(split.count);
  const pixelsPerImage = split.height * split.width;
  for (let start = 0; start < split.count; start += batchSize) {
    const count = Math.min(batchSize, split.count - start);
    const batch = {
      images: split.images.subarray(start * pixelsPerImage, (start + count) * pixelsPerImage),
      count,
      height: split.height,
      width: split.width,
    };
    const { pixels, size } = modelInputs(batch, recipe.input);
    const labels = tf.tidy(() => {
      const output = model.predict(tf.tensor4d(pixels, [count, size, size, 1])) as tf.Tensor;
      return recipe.output === 'rbf' ? tf.argMin(output, 1) : tf.argMax(output, 1);
    });
    predictions.set(labels.dataSync(), start);
    labels.dispose();
  }
  const confusion = new Int32Array(100);
  let errors = 0;
  for (let index = 0; index < split.count; index += 1) {
    const truth = split.labels[index] ?? 0;
    const predicted = predictions[index] ?? 0;
    confusion[truth * 10 + predicted] = (confusion[truth * 10 + predicted] ?? 0) + 1;
    if (truth !== predicted) errors += 1;
  }
  return { errorRate: errors / split.count, errors, count: split.count, predictions, confusion };
}
