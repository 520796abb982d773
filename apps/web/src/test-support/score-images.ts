import * as tf from '@tensorflow/tfjs';
import { readOut, type ReadOut } from '@lenet/core';
import { modelInputs, type ModelKind } from '@lenet/models';

/**
 * Runs `model` on `count` 28x28 images (0 background, 255 ink) in batches of 500, as the page
 * feeds one drawing, and reads its outputs: labels, scores and probabilities per image.
 * Leaks no tensors.
 */
export function scoreImages(
  model: tf.LayersModel,
  recipe: ModelKind,
  images: Uint8Array,
  count: number,
): ReadOut {
  const all: ReadOut = { labels: [], scores: [], probabilities: [] };
  for (let start = 0; start < count; start += 500) {
    const batch = Math.min(500, count - start);
    const { pixels, size } = modelInputs(
      {
        images: images.subarray(start * 784, (start + batch) * 784),
        count: batch,
        height: 28,
        width: 28,
      },
      recipe.input,
    );
    const output = tf.tidy(
      () => model.predict(tf.tensor4d(pixels, [batch, size, size, 1])) as tf.Tensor,
    );
    const read = readOut(output, recipe.output);
    output.dispose();
    all.labels.push(...read.labels);
    all.scores.push(...read.scores);
    all.probabilities.push(...read.probabilities);
  }
  return all;
}
