import type { ActivationLayer } from '../figures/activation-layer.js';
import type { ArchitectureLayer } from '../figures/architecture-figure.js';
import type { KernelLayer } from '../figures/kernels-figure.js';

/** LeNet-5 as in Fig. 2 of the paper. */
export const lenet5Layers: readonly ArchitectureLayer[] = [
  { name: 'INPUT', kind: 'input', maps: 1, height: 32, width: 32 },
  { name: 'C1', kind: 'convolution', maps: 6, height: 28, width: 28 },
  { name: 'S2', kind: 'subsampling', maps: 6, height: 14, width: 14 },
  { name: 'C3', kind: 'convolution', maps: 16, height: 10, width: 10 },
  { name: 'S4', kind: 'subsampling', maps: 16, height: 5, width: 5 },
  { name: 'C5', kind: 'convolution', maps: 120, height: 1, width: 1 },
  { name: 'F6', kind: 'full', maps: 84, height: 1, width: 1 },
  { name: 'OUTPUT', kind: 'rbf', maps: 10, height: 1, width: 1 },
];

/** LeNet-1 as described in the 1989 paper. */
export const lenet1Layers: readonly ArchitectureLayer[] = [
  { name: 'INPUT', kind: 'input', maps: 1, height: 28, width: 28 },
  { name: 'H1', kind: 'convolution', maps: 4, height: 24, width: 24 },
  { name: 'H2', kind: 'subsampling', maps: 4, height: 12, width: 12 },
  { name: 'H3', kind: 'convolution', maps: 12, height: 8, width: 8 },
  { name: 'H4', kind: 'subsampling', maps: 12, height: 4, width: 4 },
  { name: 'OUTPUT', kind: 'full', maps: 10, height: 1, width: 1 },
];

/** A deterministic pseudo-random sequence in [-1, 1) (Park-Miller), for filler values. */
export function fillerValues(count: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length: count }, () => {
    state = (state * 16_807) % 2_147_483_647;
    return (state / 2_147_483_647) * 2 - 1;
  });
}

/** One activation per layer of an architecture, shaped as the network would output them. */
export function activationsOf(layers: readonly ArchitectureLayer[]): ActivationLayer[] {
  return layers.map((layer, index) => {
    const shape =
      layer.height * layer.width === 1 ? [layer.maps] : [layer.height, layer.width, layer.maps];
    return {
      name: layer.name,
      shape,
      values: fillerValues(layer.height * layer.width * layer.maps, index + 1),
    };
  });
}

/** The 5x5 kernels of every convolution of an architecture (C5's input is the layer before). */
export function kernelsOf(layers: readonly ArchitectureLayer[]): KernelLayer[] {
  return layers.flatMap((layer, index) => {
    const previous = layers[index - 1];
    if (layer.kind !== 'convolution' || previous === undefined) return [];
    const shape = [5, 5, previous.maps, layer.maps] as const;
    return [
      {
        name: layer.name,
        shape,
        weights: fillerValues(25 * previous.maps * layer.maps, index + 7),
      },
    ];
  });
}
