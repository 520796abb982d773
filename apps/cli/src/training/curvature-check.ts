import * as tf from '@tensorflow/tfjs';
import { createLenetEngine, gaussNewtonDiagonal, spreadOf, type Spread } from '@lenet/core';
import { readTrainableWeights } from '@lenet/models';

/** The checks of one scalar weight: the layerwise h_kk beside two finite-difference diagonals. */
export interface WeightCurvatureCheck {
  /** `<weight name>[<index>]`. */
  readonly weight: string;
  /** The paper's layerwise Gauss-Newton recursion (what SDLM uses). */
  readonly layerwise: number;
  /** The exact Gauss-Newton diagonal `2/P sum_p sum_j (dx_j/dw)^2`, x the RBF inputs, by central differences. */
  readonly gaussNewton: number;
  /** The true second derivative of the MLE criterion, by central differences of the engine's gradient. */
  readonly hessian: number;
}

/** One layer's part of {@link CurvatureCheck}. */
export interface LayerCurvatureCheck {
  readonly layer: string;
  /** Root mean square of the layer's output (after its activation) on the patterns. */
  readonly outputRms: number;
  readonly weights: number;
  /** The layerwise h_kk over the layer's weights. */
  readonly curvature: Spread;
  /** The weights with the smallest, median and largest h_kk, checked. */
  readonly checks: readonly WeightCurvatureCheck[];
}

/** What {@link checkCurvature} measured. */
export interface CurvatureCheck {
  readonly patterns: number;
  readonly layers: readonly LayerCurvatureCheck[];
  /** The share of weights with h_kk below `threshold`. */
  readonly belowThreshold: number;
  readonly threshold: number;
}

interface IndexedWeight {
  readonly variable: tf.LayerVariable;
  readonly offset: number;
  readonly values: Float32Array;
}

const layerOf = (name: string) => name.slice(0, name.lastIndexOf('/'));

/** The RMS of every layer's output on `inputs`, by layer name. */
function outputRms(model: tf.LayersModel, inputs: tf.Tensor): Map<string, number> {
  const rms = new Map<string, number>();
  for (const layer of model.layers.slice(1)) {
    const value = tf.tidy(() => tf.sqrt(tf.mean(tf.square(tf.model({ inputs: model.inputs, outputs: layer.output }).predict(inputs) as tf.Tensor))).dataSync()[0] ?? 0);
    rms.set(layer.name, value);
  }
  return rms;
}

/** The output RMS reported for a weighted layer: its activation layer's when it has one. */
function layerRms(rms: Map<string, number>, layer: string): number {
  return rms.get(`${layer}_activation`) ?? rms.get(layer) ?? Number.NaN;
}

/**
 * SDLM's curvature estimate checked against the truth, per layer: the spread of the layerwise
 * h_kk on `patterns` patterns (the paper's 500), and for the weights at the layer's smallest,
 * median and largest h_kk, the exact Gauss-Newton diagonal and the true second derivative of the
 * MLE criterion, both by central finite differences. The layerwise recursion drops the cross
 * terms between the positions sharing a weight, so it may differ from the exact diagonal in the
 * convolution layers; it cannot be orders of magnitude off.
 *
 * @param model - A LeNet ending in an RbfOutput, at the weights to check (it is left unchanged).
 * @param inputs - Patterns `[count, size, size, 1]`.
 * @param labels - Their labels.
 * @param threshold - The h_kk below which a weight counts as flat (the paper's rates need h_kk >= 0.011).
 */
export async function checkCurvature(model: tf.LayersModel, inputs: tf.Tensor4D, labels: Uint8Array, threshold = 0.011): Promise<CurvatureCheck> {
  const patterns = inputs.shape[0];
  const oneHot = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat());
  const diagonal = gaussNewtonDiagonal(model, inputs, oneHot, { patterns });
  oneHot.dispose();
  const engine = await createLenetEngine(model);
  if (engine === undefined) throw new Error('checkCurvature: the LeNet engine cannot run this model.');
  const flat = readTrainableWeights(model);
  const pixels = inputs.dataSync() as Float32Array;
  const rbf = model.layers[model.layers.length - 1];
  const features = tf.model({ inputs: model.inputs, outputs: rbf?.input as tf.SymbolicTensor });
  const rms = outputRms(model, inputs);
  const indexed: IndexedWeight[] = [];
  let offset = 0;
  for (const variable of model.trainableWeights) {
    indexed.push({ variable, offset, values: diagonal.get(variable.name)?.dataSync() as Float32Array });
    offset += variable.shape.reduce<number>((product, side) => product * (side ?? 1), 1);
  }
  const gradientAt = (index: number, value: number): number => {
    const moved = flat.slice();
    moved[index] = value;
    engine.setWeights(moved);
    return engine.gradients({ pixels, size: inputs.shape[1], labels }, 'mle').gradients[index] ?? Number.NaN;
  };
  const featuresAt = (weight: IndexedWeight, position: number, value: number): Float32Array => {
    const values = weight.variable.read().dataSync().slice();
    const original = values[position] ?? 0;
    values[position] = value;
    weight.variable.write(tf.tensor(values, weight.variable.shape as number[]));
    const result = tf.tidy(() => (features.predict(inputs) as tf.Tensor).dataSync() as Float32Array);
    values[position] = original;
    weight.variable.write(tf.tensor(values, weight.variable.shape as number[]));
    return result;
  };
  const check = (weight: IndexedWeight, position: number): WeightCurvatureCheck => {
    const index = weight.offset + position;
    const value = flat[index] ?? 0;
    const step = 1e-2 * Math.max(Math.abs(value), 0.05);
    const [plus, minus] = [featuresAt(weight, position, value + step), featuresAt(weight, position, value - step)];
    let squares = 0;
    plus.forEach((entry, at) => {
      squares += ((entry - (minus[at] ?? 0)) / (2 * step)) ** 2;
    });
    return {
      weight: `${weight.variable.name}[${String(position)}]`,
      layerwise: weight.values[position] ?? Number.NaN,
      gaussNewton: (2 * squares) / patterns,
      hessian: (gradientAt(index, value + step) - gradientAt(index, value - step)) / (2 * step),
    };
  };
  const layers = new Map<string, IndexedWeight[]>();
  for (const weight of indexed) layers.set(layerOf(weight.variable.name), [...(layers.get(layerOf(weight.variable.name)) ?? []), weight]);
  let below = 0;
  let total = 0;
  const result: LayerCurvatureCheck[] = [];
  for (const [layer, weights] of layers) {
    const all = weights.flatMap((weight) => Array.from(weight.values, (value, position) => ({ weight, position, value })));
    all.sort((a, b) => a.value - b.value);
    below += all.filter((entry) => entry.value < threshold).length;
    total += all.length;
    const picks = [all[0], all[all.length >> 1], all[all.length - 1]].filter((entry) => entry !== undefined);
    result.push({
      layer,
      outputRms: layerRms(rms, layer),
      weights: all.length,
      curvature: spreadOf(Float64Array.from(all, (entry) => entry.value)),
      checks: picks.map((entry) => check(entry.weight, entry.position)),
    });
  }
  tf.dispose([...diagonal.values()]);
  return { patterns, layers: result, belowThreshold: below / Math.max(total, 1), threshold };
}
