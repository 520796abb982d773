import type * as tf from '@tensorflow/tfjs';
import { countConnections } from './count-connections.js';

/** One row of a {@link ModelSummary}: a weighted layer, with the parameterless layers after it folded in. */
export interface SummaryRow {
  /** The layer's name, such as `C3`. */
  name: string;
  /** The layer's tfjs class name, such as `PartialConv2D`. */
  className: string;
  /** The output shape without the batch dimension, `[height, width, maps]` or `[units]`. */
  outputShape: number[];
  /** Output units: the product of {@link SummaryRow.outputShape}. */
  units: number;
  /** Parameters training updates. */
  trainableParameters: number;
  /** Parameters training leaves alone (the RBF codes). */
  fixedParameters: number;
  /** Output units x inputs per unit, biases included. */
  connections: number;
}

/** A model's layers and totals, as in the paper's tables. */
export interface ModelSummary {
  /** The model's name. */
  name: string;
  /** The input shape without the batch dimension. */
  inputShape: number[];
  /** One row per layer that has parameters or connections. */
  rows: SummaryRow[];
  /** Sums over the rows; `units` counts the input units, every layer's units and the one bias unit. */
  totals: {
    trainableParameters: number;
    fixedParameters: number;
    connections: number;
    units: number;
  };
}

function sizeOf(weights: readonly tf.LayerVariable[]): number {
  return weights.reduce(
    (total, weight) =>
      total + weight.shape.reduce<number>((size, dimension) => size * (dimension ?? 0), 1),
    0,
  );
}

function shapeOf(shape: tf.Shape | tf.Shape[]): number[] {
  return (shape as tf.Shape).slice(1).map((size) => size ?? 0);
}

/**
 * Summarises a built model per layer: output shape, trainable and fixed parameters,
 * connections, and totals. Layers without parameters or connections (activations, flatten)
 * are folded into the row before them, so LeNet-5 gives the paper's seven rows C1..OUTPUT.
 * The unit total follows LeNet-1's count of 4,635: inputs, every layer's units and one bias
 * unit that feeds every bias connection.
 *
 * @param model - A built model, such as `lenet5()`.
 * @throws {@link ModelOptionError} for a layer whose connections cannot be counted.
 * @example
 * ```ts
 * const summary = summarize(lenet5());
 * summary.totals.trainableParameters; // 60000
 * ```
 * @see LeCun et al. 1998, Section II.B.
 */
export function summarize(model: tf.LayersModel): ModelSummary {
  const rows: SummaryRow[] = [];
  for (const layer of model.layers) {
    if (layer.getClassName() === 'InputLayer') continue;
    const trainableParameters = sizeOf(layer.trainableWeights);
    const fixedParameters = sizeOf(layer.nonTrainableWeights);
    const connections = countConnections(layer);
    const previous = rows[rows.length - 1];
    if (trainableParameters + fixedParameters + connections === 0 && previous !== undefined)
      continue;
    const outputShape = shapeOf(layer.outputShape);
    const units = outputShape.reduce((total, size) => total * size, 1);
    rows.push({
      name: layer.name,
      className: layer.getClassName(),
      outputShape,
      units,
      trainableParameters,
      fixedParameters,
      connections,
    });
  }
  const inputShape = shapeOf(model.inputs[0]?.shape ?? []);
  const sum = (key: 'trainableParameters' | 'fixedParameters' | 'connections' | 'units'): number =>
    rows.reduce((total, row) => total + row[key], 0);
  const inputUnits = inputShape.reduce((total, size) => total * size, 1);
  return {
    name: model.name,
    inputShape,
    rows,
    totals: {
      trainableParameters: sum('trainableParameters'),
      fixedParameters: sum('fixedParameters'),
      connections: sum('connections'),
      units: inputUnits + sum('units') + 1,
    },
  };
}
