import * as tf from '@tensorflow/tfjs';
import { createLenetEngine, gaussNewtonDiagonal, spreadOf, type Spread } from '@lenet/core';
import { readTrainableWeights } from '@lenet/models';
import { UsageError } from '../errors/usage-error.js';

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
    const value = tf.tidy(
      () =>
        tf
          .sqrt(
            tf.mean(
              tf.square(
                tf
                  .model({ inputs: model.inputs, outputs: layer.output })
                  .predict(inputs) as tf.Tensor,
              ),
            ),
          )
          .dataSync()[0] ?? 0,
    );
    rms.set(layer.name, value);
  }
  return rms;
}

/** The output RMS reported for a weighted layer: its activation layer's when it has one. */
function layerRms(rms: Map<string, number>, layer: string): number {
  return rms.get(`${layer}_activation`) ?? rms.get(layer) ?? Number.NaN;
}

/** The weights in `model.trainableWeights` order, with their offsets in the flat vector and their layerwise h_kk. */
function indexWeights(model: tf.LayersModel, diagonal: Map<string, tf.Tensor>): IndexedWeight[] {
  const indexed: IndexedWeight[] = [];
  let offset = 0;
  for (const variable of model.trainableWeights) {
    indexed.push({
      variable,
      offset,
      values:
        (diagonal.get(variable.name)?.dataSync() as Float32Array | undefined) ??
        new Float32Array(0),
    });
    offset += variable.shape.reduce<number>((product, side) => product * (side ?? 1), 1);
  }
  return indexed;
}

/** Checks one scalar weight by central differences: of the RBF inputs (Gauss-Newton) and of the engine's MLE gradient (true second derivative). */
async function weightChecker(
  model: tf.LayersModel,
  inputs: tf.Tensor4D,
  labels: Uint8Array,
): Promise<(weight: IndexedWeight, position: number) => WeightCurvatureCheck> {
  const engine = await createLenetEngine(model);
  if (engine === undefined)
    throw new UsageError(
      `The LeNet engine cannot run ${model.name}, which the curvature check needs for its finite differences.`,
    );
  const flat = readTrainableWeights(model);
  const pixels = inputs.dataSync() as Float32Array;
  const features = tf.model({
    inputs: model.inputs,
    outputs: model.layers[model.layers.length - 1]?.input as tf.SymbolicTensor,
  });
  const gradientAt = (index: number, value: number): number => {
    const moved = flat.slice();
    moved[index] = value;
    engine.setWeights(moved);
    return (
      engine.gradients({ pixels, size: inputs.shape[1], labels }, 'mle').gradients[index] ??
      Number.NaN
    );
  };
  const featuresAt = (weight: IndexedWeight, position: number, value: number): Float32Array => {
    const values = weight.variable.read().dataSync().slice();
    const original = values[position] ?? 0;
    const write = () => {
      tf.tidy(() => {
        weight.variable.write(tf.tensor(values, weight.variable.shape as number[]));
      });
    };
    values[position] = value;
    write();
    const result = tf.tidy(
      () => (features.predict(inputs) as tf.Tensor).dataSync() as Float32Array,
    );
    values[position] = original;
    write();
    return result;
  };
  return (weight, position) => {
    const index = weight.offset + position;
    const value = flat[index] ?? 0;
    const step = 1e-2 * Math.max(Math.abs(value), 0.05);
    const [plus, minus] = [
      featuresAt(weight, position, value + step),
      featuresAt(weight, position, value - step),
    ];
    let squares = 0;
    plus.forEach((entry, at) => {
      squares += ((entry - (minus[at] ?? 0)) / (2 * step)) ** 2;
    });
    return {
      weight: `${weight.variable.name}[${String(position)}]`,
      layerwise: weight.values[position] ?? Number.NaN,
      gaussNewton: (2 * squares) / inputs.shape[0],
      hessian: (gradientAt(index, value + step) - gradientAt(index, value - step)) / (2 * step),
    };
  };
}

/**
 * SDLM's curvature estimate checked against the truth, per layer: the spread of the layerwise
 * h_kk on the patterns given (the paper's 500), and for the weights at the layer's smallest,
 * median and largest h_kk, the exact Gauss-Newton diagonal and the true second derivative of the
 * MLE criterion, both by central finite differences. The layerwise recursion drops the cross
 * terms between the positions sharing a weight, so it is smaller than the exact diagonal in the
 * convolution layers and equal to it in C5 and F6.
 *
 * @param model - A LeNet ending in an RbfOutput, at the weights to check (left unchanged).
 * @param inputs - Patterns `[count, size, size, 1]`.
 * @param labels - Their labels.
 * @param threshold - The h_kk below which a weight counts as flat (the paper's step sizes need h_kk >= 0.011).
 * @throws UsageError when the LeNet engine cannot run the model.
 */
export async function checkCurvature(
  model: tf.LayersModel,
  inputs: tf.Tensor4D,
  labels: Uint8Array,
  threshold = 0.011,
): Promise<CurvatureCheck> {
  const oneHot = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat());
  const diagonal = gaussNewtonDiagonal(model, inputs, oneHot, { patterns: inputs.shape[0] });
  oneHot.dispose();
  const check = await weightChecker(model, inputs, labels);
  const rms = outputRms(model, inputs);
  const layers = new Map<string, IndexedWeight[]>();
  for (const weight of indexWeights(model, diagonal))
    layers.set(layerOf(weight.variable.name), [
      ...(layers.get(layerOf(weight.variable.name)) ?? []),
      weight,
    ]);
  tf.dispose([...diagonal.values()]);
  let below = 0;
  let total = 0;
  const result: LayerCurvatureCheck[] = [];
  for (const [layer, weights] of layers) {
    const all = weights
      .flatMap((weight) =>
        Array.from(weight.values, (value, position) => ({ weight, position, value })),
      )
      .sort((a, b) => a.value - b.value);
    below += all.filter((entry) => entry.value < threshold).length;
    total += all.length;
    const picks = [all[0], all[all.length >> 1], all[all.length - 1]].filter(
      (entry) => entry !== undefined,
    );
    result.push({
      layer,
      outputRms: layerRms(rms, layer),
      weights: all.length,
      curvature: spreadOf(Float64Array.from(all, (entry) => entry.value)),
      checks: picks.map((entry) => check(entry.weight, entry.position)),
    });
  }
  return {
    patterns: inputs.shape[0],
    layers: result,
    belowThreshold: below / Math.max(total, 1),
    threshold,
  };
}
