import * as tf from '@tensorflow/tfjs';
import { C3_TABLE, PartialConv2D, TrainableSubsampling2D } from '@lenet/core';
import { lenet1, lenet5 } from '@lenet/models';
import { describe, expect, it } from 'vitest';
import { expectValidFigure, texts } from '../test-support/render-checks.js';
import { architectureFigure } from './architecture-figure.js';
import { kernelsFigure } from './kernels-figure.js';
import { kernelsFromModel } from './kernels-from-model.js';
import { activationSources, layersFromModel } from './layers-from-model.js';

function smallLenet5(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [32, 32, 1], filters: 6, kernelSize: 5, name: 'C1' }),
      new TrainableSubsampling2D({ name: 'S2' }),
      new PartialConv2D({ table: C3_TABLE, name: 'C3' }),
      tf.layers.averagePooling2d({ poolSize: 2, name: 'S4' }),
      tf.layers.flatten({ name: 'flatten' }),
      tf.layers.dense({ units: 84, name: 'F6' }),
      tf.layers.dense({ units: 10, name: 'OUTPUT' }),
    ],
  });
}

describe('layersFromModel', () => {
  it('reads the drawn layers of a real TensorFlow.js model, input first, flatten left out', () => {
    const model = smallLenet5();
    expect(layersFromModel(model)).toEqual([
      { name: 'input', kind: 'input', maps: 1, height: 32, width: 32 },
      { name: 'C1', kind: 'convolution', maps: 6, height: 28, width: 28 },
      { name: 'S2', kind: 'subsampling', maps: 6, height: 14, width: 14 },
      { name: 'C3', kind: 'convolution', maps: 16, height: 10, width: 10 },
      { name: 'S4', kind: 'subsampling', maps: 16, height: 5, width: 5 },
      { name: 'F6', kind: 'full', maps: 84, height: 1, width: 1 },
      { name: 'OUTPUT', kind: 'full', maps: 10, height: 1, width: 1 },
    ]);
    model.dispose();
  });
});

describe('kernelsFromModel', () => {
  it("takes Conv2D kernels as they are and PartialConv2D's scattered kernel with its table, leaking no tensors", () => {
    const model = smallLenet5();
    const before = tf.memory().numTensors;
    const kernels = kernelsFromModel(model);
    expect(tf.memory().numTensors).toBe(before);
    expect(kernels.map((kernel) => [kernel.name, kernel.shape])).toEqual([
      ['C1', [5, 5, 1, 6]],
      ['C3', [5, 5, 6, 16]],
    ]);
    const c3 = kernels[1]!;
    expect(c3.connections?.[0]).toEqual(C3_TABLE[0]?.map((entry) => entry === 1));
    // S2 map 3 does not feed C3 map 0 (Table I), so that kernel is all zero.
    const unconnected = Array.from(
      { length: 25 },
      (_, position) => c3.weights[position * 96 + 3 * 16 + 0],
    );
    expect(unconnected.every((value) => value === 0)).toBe(true);
    expect(
      Array.from({ length: 25 }, (_, position) => c3.weights[position * 96]).some(
        (value) => value !== 0,
      ),
    ).toBe(true);
    model.dispose();
  });
});

describe('activationSources', () => {
  it("reads each drawn layer after its squashing function, as LeNet-5's maps are shown", () => {
    const model = lenet5();
    const sources = activationSources(model);
    expect(sources.map((source) => source.name)).toEqual([
      'C1',
      'S2',
      'C3',
      'S4',
      'C5',
      'F6',
      'OUTPUT',
    ]);
    const read = sources.map((source) => source.layer.getClassName());
    expect(read).toEqual([
      'ScaledTanh',
      'TrainableSubsampling2D',
      'ScaledTanh',
      'TrainableSubsampling2D',
      'ScaledTanh',
      'ScaledTanh',
      'RbfOutput',
    ]);
    model.dispose();
  });
});

describe('figures of the @lenet/models networks', () => {
  it.each([
    ['LeNet-1', lenet1, ['input', 'H1', 'H2', 'H3', 'H4', 'OUTPUT']],
    ['LeNet-5', lenet5, ['input', 'C1', 'S2', 'C3', 'S4', 'C5', 'F6', 'OUTPUT']],
  ])('draws the architecture of %s from the model itself', (_, build, names) => {
    const model = build();
    const scene = architectureFigure({ layers: layersFromModel(model) });
    expect(names.every((name) => texts(scene).some((text) => text.text === name))).toBe(true);
    expectValidFigure(scene);
    model.dispose();
  });

  it.each([
    ['LeNet-1', lenet1, 2],
    ['LeNet-5', lenet5, 3],
  ])('draws the kernels of %s, with its connection table', (_, build, convolutions) => {
    const model = build();
    const kernels = kernelsFromModel(model);
    expect(kernels).toHaveLength(convolutions);
    expect(kernels.filter((kernel) => kernel.connections !== undefined)).toHaveLength(1);
    const scene = kernelsFigure({ layers: kernels });
    expectValidFigure(scene);
    model.dispose();
  });
});
