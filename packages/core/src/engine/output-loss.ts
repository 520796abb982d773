import { DEFAULT_MAP_CONSTANT } from '../losses/rbf-losses.js';

/** The criteria the engine trains with; the same as @lenet/core's loss functions. */
export type EngineCriterion = 'map' | 'mle' | 'cross-entropy';

/**
 * The mean loss of a batch of outputs and, into `gradient`, its derivative with respect to each
 * output: the paper's MAP (`rbfMapLoss`, constant j = 10) or MLE (`rbfMleLoss`) on RBF
 * distances, or softmax cross-entropy on logits. Also counts the correct read-outs (smallest
 * distance, largest logit; the first on ties, as tfjs's argMin/argMax). The loss and the
 * gradient are divided by `batchSize`: these outputs may be a slice of a larger batch.
 */
export function outputLoss(
  criterion: EngineCriterion,
  outputs: Float32Array,
  labels: Uint8Array,
  classes: number,
  gradient: Float32Array,
  batchSize = labels.length,
): { loss: number; correct: number } {
  const count = labels.length;
  let loss = 0;
  let correct = 0;
  for (let image = 0; image < count; image += 1) {
    const row = outputs.subarray(image * classes, (image + 1) * classes);
    const target = labels[image] ?? 0;
    const rowGradient = gradient.subarray(image * classes, (image + 1) * classes);
    let best = 0;
    for (let k = 1; k < classes; k += 1) {
      if (
        criterion === 'cross-entropy'
          ? (row[k] ?? 0) > (row[best] ?? 0)
          : (row[k] ?? 0) < (row[best] ?? 0)
      )
        best = k;
    }
    if (best === target) correct += 1;
    loss +=
      criterion === 'cross-entropy'
        ? crossEntropy(row, target, rowGradient)
        : criterion === 'map'
          ? maximumAPosteriori(row, target, rowGradient)
          : maximumLikelihood(row, target, rowGradient);
  }
  for (let index = 0; index < count * classes; index += 1)
    gradient[index] = (gradient[index] ?? 0) / batchSize;
  return { loss: loss / batchSize, correct };
}

function maximumLikelihood(
  distances: Float32Array,
  target: number,
  gradient: Float32Array,
): number {
  gradient.fill(0);
  gradient[target] = 1;
  return distances[target] ?? 0;
}

function maximumAPosteriori(
  distances: Float32Array,
  target: number,
  gradient: Float32Array,
): number {
  // E = y_target + log(e^-j + sum_i e^-y_i), computed around the largest exponent.
  let top = -DEFAULT_MAP_CONSTANT;
  for (const distance of distances) top = Math.max(top, -distance);
  let total = Math.exp(-DEFAULT_MAP_CONSTANT - top);
  for (const distance of distances) total += Math.exp(-distance - top);
  distances.forEach((distance, k) => {
    gradient[k] = (k === target ? 1 : 0) - Math.exp(-distance - top) / total;
  });
  return (distances[target] ?? 0) + top + Math.log(total);
}

function crossEntropy(logits: Float32Array, target: number, gradient: Float32Array): number {
  let top = -Infinity;
  for (const logit of logits) top = Math.max(top, logit);
  let total = 0;
  for (const logit of logits) total += Math.exp(logit - top);
  logits.forEach((logit, k) => {
    gradient[k] = Math.exp(logit - top) / total - (k === target ? 1 : 0);
  });
  return top + Math.log(total) - (logits[target] ?? 0);
}
