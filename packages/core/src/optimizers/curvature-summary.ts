/** The smallest, median and largest of a set of values. */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** The curvature estimate and the step sizes it gives, over one layer's trainable weights. */
export interface LayerCurvature {
  /** The layer's name (the weights' names up to their last `/`). */
  readonly layer: string;
  /** Scalar weights in the layer. */
  readonly weights: number;
  /** The Gauss-Newton diagonal h_kk. */
  readonly curvature: Spread;
  /** The effective learning rates `batchSize * eta / (mu + h_kk)`. */
  readonly rate: Spread;
}

/** The spread of `values` (which it sorts in place); zeros for none. */
export function spreadOf(values: Float64Array): Spread {
  if (values.length === 0) return { min: 0, median: 0, max: 0 };
  values.sort();
  const middle = values.length >> 1;
  const median =
    values.length % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
  return { min: values[0]!, median, max: values[values.length - 1]! };
}

/** The layer a weight belongs to, from its name: `C3/kernel` -> `C3`. */
function layerOf(weightName: string): string {
  const slash = weightName.lastIndexOf('/');
  return slash < 0 ? weightName : weightName.slice(0, slash);
}

/**
 * Per layer, the spread of h_kk and of the effective learning rates it gives, in the order the
 * weights come: the diagnostic that shows when a curvature estimate leaves most steps at the
 * eta / mu ceiling (LeNet-5 with the paper's literal initialisation).
 *
 * @param diagonal - h_kk by weight name, in the model's weight order.
 * @param rateOf - The step size of a weight with curvature h.
 */
export function curvatureByLayer(
  diagonal: ReadonlyMap<string, ArrayLike<number>>,
  rateOf: (curvature: number) => number,
): LayerCurvature[] {
  const grouped = new Map<string, number[]>();
  for (const [name, values] of diagonal) {
    const layer = layerOf(name);
    const list = grouped.get(layer) ?? [];
    for (let index = 0; index < values.length; index += 1) list.push(values[index]!);
    grouped.set(layer, list);
  }
  return [...grouped].map(([layer, values]) => ({
    layer,
    weights: values.length,
    curvature: spreadOf(Float64Array.from(values)),
    rate: spreadOf(Float64Array.from(values, rateOf)),
  }));
}
