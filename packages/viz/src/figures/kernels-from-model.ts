import type { KernelLayer } from './kernels-figure.js';

/** A tensor as {@link kernelsFromModel} reads it. */
export interface TensorLike {
  readonly shape: readonly number[];
  dataSync(): ArrayLike<number>;
}

/** The part of a TensorFlow.js layer that {@link kernelsFromModel} reads. */
export interface ConvolutionLayerLike {
  readonly name: string;
  getClassName(): string;
  getWeights(): readonly TensorLike[];
  /** `PartialConv2D` of `@lenet/core`: the kernel scattered into the full layout (a new tensor). */
  fullKernel?: () => TensorLike & { dispose(): void };
  /** `PartialConv2D` of `@lenet/core`: `table[input][output]`, 1 for a connection. */
  readonly table?: readonly (readonly number[])[];
}

/**
 * Collects the kernels of a model's convolutions (duck-typed TensorFlow.js layers: `Conv2D`
 * and `@lenet/core`'s `PartialConv2D`, whose connection table comes along) for
 * {@link kernelsFigure}. Leaks no tensors.
 *
 * @param model - Anything with `layers`, such as a `tf.LayersModel`.
 * @example
 * ```ts
 * const scene = kernelsFigure({ layers: kernelsFromModel(model) });
 * ```
 */
export function kernelsFromModel(model: {
  readonly layers: readonly ConvolutionLayerLike[];
}): KernelLayer[] {
  const kernels: KernelLayer[] = [];
  for (const layer of model.layers) {
    const className = layer.getClassName();
    if (className === 'PartialConv2D' && layer.fullKernel !== undefined) {
      const full = layer.fullKernel();
      const weights = Float32Array.from(full.dataSync());
      const shape = toShape(full.shape);
      full.dispose();
      const connections = layer.table?.map((row) => row.map((entry) => entry !== 0));
      kernels.push(
        connections === undefined
          ? { name: layer.name, weights, shape }
          : { name: layer.name, weights, shape, connections },
      );
    } else if (className === 'Conv2D') {
      const kernel = layer.getWeights()[0];
      if (kernel?.shape.length === 4)
        kernels.push({
          name: layer.name,
          weights: Float32Array.from(kernel.dataSync()),
          shape: toShape(kernel.shape),
        });
    }
  }
  return kernels;
}

function toShape(shape: readonly number[]): readonly [number, number, number, number] {
  return [shape[0] ?? 1, shape[1] ?? 1, shape[2] ?? 1, shape[3] ?? 1];
}
