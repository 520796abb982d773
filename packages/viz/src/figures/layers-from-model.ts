import { FigureInputError } from '../figure-input-error.js';
import type { ArchitectureLayer, ArchitectureLayerKind } from './architecture-figure.js';

/** The part of a TensorFlow.js layer that {@link layersFromModel} reads. */
export interface ModelLayerLike {
  readonly name: string;
  readonly outputShape: unknown;
  getClassName(): string;
}

// Layers that only squash their input: the map a figure shows is their output.
const squashingClasses = new Set(['ScaledTanh', 'Activation']);

/** The part of a TensorFlow.js `LayersModel` that {@link layersFromModel} reads. */
export interface ModelLike {
  readonly layers: readonly ModelLayerLike[];
  readonly inputs?: readonly { readonly shape: readonly (number | null)[] }[];
}

// Class names of tfjs layers and of @lenet/core's own, by what they do. Layers not
// listed (activations, flatten, dropout, reshape) change no map and are left out.
const kindByClass: Record<string, ArchitectureLayerKind> = {
  InputLayer: 'input',
  ZeroPadding2D: 'padding',
  Conv2D: 'convolution',
  PartialConv2D: 'convolution',
  DepthwiseConv2D: 'convolution',
  AveragePooling2D: 'subsampling',
  MaxPooling2D: 'subsampling',
  TrainableSubsampling2D: 'subsampling',
  Dense: 'full',
  RbfOutput: 'rbf',
};

/**
 * Reads the layers of a TensorFlow.js model (duck-typed: any object with `layers`, each
 * with `name`, `outputShape` and `getClassName()`) for {@link architectureFigure}. The
 * input comes from `model.inputs[0].shape` when the layer list has no `InputLayer`.
 *
 * @throws {FigureInputError} When a drawn layer's output shape is not `[batch, h, w, c]` or `[batch, units]`.
 * @example
 * ```ts
 * const scene = architectureFigure({ layers: layersFromModel(model) });
 * ```
 */
export function layersFromModel(model: ModelLike): ArchitectureLayer[] {
  const layers: ArchitectureLayer[] = [];
  const inputShape = model.inputs?.[0]?.shape;
  if (
    inputShape !== undefined &&
    !model.layers.some((layer) => layer.getClassName() === 'InputLayer')
  ) {
    layers.push(fromShape('input', 'input', inputShape));
  }
  for (const layer of model.layers) {
    const kind = kindByClass[layer.getClassName()];
    if (kind === undefined) continue;
    const shape =
      Array.isArray(layer.outputShape) && Array.isArray(layer.outputShape[0])
        ? (layer.outputShape[0] as unknown[])
        : layer.outputShape;
    if (!Array.isArray(shape)) {
      throw new FigureInputError({
        field: `layer ${layer.name}`,
        expected: 'an output shape array',
        actual: String(shape),
      });
    }
    layers.push(fromShape(layer.name, kind, shape as readonly (number | null)[]));
  }
  return layers;
}

function fromShape(
  name: string,
  kind: ArchitectureLayerKind,
  shape: readonly (number | null)[],
): ArchitectureLayer {
  const sizes = shape.slice(1);
  if (sizes.length === 3)
    return { name, kind, height: sizes[0] ?? 1, width: sizes[1] ?? 1, maps: sizes[2] ?? 1 };
  if (sizes.length === 1) return { name, kind, height: 1, width: 1, maps: sizes[0] ?? 1 };
  throw new FigureInputError({
    field: `layer ${name}`,
    expected: 'an output shape [batch, height, width, maps] or [batch, units]',
    actual: `[${shape.join(', ')}]`,
  });
}

/** A drawn layer of a model and the layer whose output shows its maps. */
export interface ActivationSource<Layer extends ModelLayerLike> {
  /** The drawn layer's name, e.g. `C1`. */
  readonly name: string;
  /** The layer to read: the drawn layer, or the activation right after it. */
  readonly layer: Layer;
}

/**
 * Which layer outputs to read for {@link activationsFigure}: one per drawn layer (as
 * {@link layersFromModel} lists them, input left out), taken after the squashing function
 * when a separate activation layer follows (`ScaledTanh`, `Activation`).
 *
 * @example
 * ```ts
 * const sources = activationSources(model);
 * const probe = tf.model({ inputs: model.inputs, outputs: sources.map((source) => source.layer.output) });
 * ```
 */
export function activationSources<Layer extends ModelLayerLike>(model: {
  readonly layers: readonly Layer[];
}): ActivationSource<Layer>[] {
  const sources: { name: string; layer: Layer }[] = [];
  for (const layer of model.layers) {
    const kind = kindByClass[layer.getClassName()];
    const last = sources.at(-1);
    if (kind !== undefined && kind !== 'input') sources.push({ name: layer.name, layer });
    else if (last !== undefined && squashingClasses.has(layer.getClassName())) last.layer = layer;
  }
  return sources;
}
