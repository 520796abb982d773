import { FigureInputError } from '../figure-input-error.js';
import { checkLength } from './check-input.js';

/** The output of one layer for one input, batch dimension left out. */
export interface ActivationLayer {
  /** E.g. `C1`. */
  readonly name: string;
  /**
   * `[height, width, maps]` for feature maps (layout `[batch, height, width, channels]`
   * without the batch), or `[units]` for a vector; a leading batch of 1 is accepted.
   */
  readonly shape: readonly number[];
  readonly values: ArrayLike<number>;
}

/** A layer read as maps: `maps` of `height x width`, or a vector when `height * width` is 1. */
export interface LayerMaps {
  readonly height: number;
  readonly width: number;
  readonly maps: number;
  /** True for vectors (fully connected layers, or 1x1 maps such as C5). */
  readonly vector: boolean;
}

/**
 * Reads an activation's shape as maps.
 *
 * @throws {FigureInputError} When the shape is not `[h, w, c]` or `[units]` (plus an optional batch of 1) or does not match the values.
 */
export function layerMaps(layer: ActivationLayer, field: string): LayerMaps {
  const shape =
    layer.shape.length === 4 || layer.shape.length === 2
      ? dropBatch(layer.shape, field)
      : layer.shape;
  const [height, width, maps] =
    shape.length === 3 ? [shape[0] ?? 0, shape[1] ?? 0, shape[2] ?? 0] : [1, 1, shape[0] ?? 0];
  if (shape.length !== 3 && shape.length !== 1) {
    throw new FigureInputError({
      field: `${field}.shape`,
      expected: '[height, width, maps] or [units]',
      actual: `[${layer.shape.join(', ')}]`,
    });
  }
  checkLength(
    `${field}.values`,
    layer.values,
    height * width * maps,
    `shape [${layer.shape.join(', ')}]`,
  );
  return { height, width, maps, vector: height * width === 1 };
}

function dropBatch(shape: readonly number[], field: string): readonly number[] {
  if (shape[0] !== 1) {
    throw new FigureInputError({
      field: `${field}.shape`,
      expected: 'one input (a batch of 1)',
      actual: `[${shape.join(', ')}]`,
      hint: 'Slice out one example first.',
    });
  }
  return shape.slice(1);
}

/** The values of map `map` of a `[height, width, maps]` layer, row-major. */
export function mapValues(values: ArrayLike<number>, layout: LayerMaps, map: number): number[] {
  const output: number[] = [];
  for (let pixel = 0; pixel < layout.height * layout.width; pixel += 1)
    output.push(values[pixel * layout.maps + map] ?? 0);
  return output;
}
