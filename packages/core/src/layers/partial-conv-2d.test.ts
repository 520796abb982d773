import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { LayerArgumentError } from '../errors/layer-argument-error.js';
import { FanInUniform } from '../initializers/fan-in-uniform.js';
import {
  checkGradients,
  modelFromTopology,
  rebuiltFromConfig,
  roundTrip,
  weightValues,
} from '../test-support/layer-checks.js';
import { C3_TABLE, H3_TABLE } from './connection-table.js';
import { PartialConv2D } from './partial-conv-2d.js';

describe('PartialConv2D', () => {
  it('returns 1,516 trainable parameters and 151,600 connections for the C3 table', () => {
    const layer = new PartialConv2D({ table: C3_TABLE });
    layer.build([null, 14, 14, 6]);
    expect(layer.countParams()).toBe(1516);
    expect(layer.computeOutputShape([null, 14, 14, 6])).toEqual([null, 10, 10, 16]);
    expect(layer.countConnections([null, 14, 14, 6])).toBe(151600);
  });

  it("returns 512 trainable parameters for LeNet-1's H3 table", () => {
    const layer = new PartialConv2D({ table: H3_TABLE });
    layer.build([null, 12, 12, 4]);
    expect(layer.countParams()).toBe(512);
    expect(layer.countConnections([null, 12, 12, 4])).toBe(64 * 512);
  });

  it('scatters the stored kernels into a full kernel that is zero off the table', () => {
    const layer = new PartialConv2D({ table: C3_TABLE });
    layer.build([null, 14, 14, 6]);
    const full = layer.fullKernel();
    const values = full.arraySync();
    let nonZeroOffTable = 0;
    for (const row of values)
      for (const column of row)
        column.forEach((outputs, input) => {
          outputs.forEach((value, output) => {
            if (C3_TABLE[input]![output] === 0 && value !== 0) nonZeroOffTable += 1;
          });
        });
    expect(nonZeroOffTable).toBe(0);
    expect(tf.tidy(() => tf.notEqual(full, 0).sum().dataSync()[0])).toBe(1500);
    full.dispose();
  });

  it('computes a 1x1 partial convolution worked out by hand', () => {
    // Output 0 reads inputs 0 and 1; output 1 reads input 1 only. Links: (0,0), (1,0), (1,1).
    const layer = new PartialConv2D({
      table: [
        [1, 0],
        [1, 1],
      ],
      kernelSize: 1,
    });
    layer.build([null, 1, 2, 2]);
    layer.setWeights([tf.tensor3d([2, 3, 5], [1, 1, 3]), tf.tensor1d([1, -1])]);
    const before = tf.memory().numTensors;
    const input = tf.tensor4d([1, 10, 2, 20], [1, 1, 2, 2]);
    const output = layer.apply(input) as tf.Tensor;
    // position 0: out0 = 2*1 + 3*10 + 1 = 33, out1 = 5*10 - 1 = 49; position 1: 2*2+3*20+1 = 65, 5*20-1 = 99.
    expect(Array.from(output.dataSync())).toEqual([33, 49, 65, 99]);
    tf.dispose([input, output]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('has gradients equal to finite differences, and none for unconnected weights', () => {
    const layer = new PartialConv2D({ table: H3_TABLE, kernelSize: 3, activation: 'scaledTanh' });
    layer.build([null, 5, 5, 4]);
    const input = tf.randomUniform([1, 5, 5, 4], -1, 1, 'float32', 9);
    const report = checkGradients(layer, input);
    expect(report.worst).toBeLessThan(5e-3);
    expect(layer.trainableWeights.map((weight) => weight.shape)).toEqual([[3, 3, 20], [12]]);
    input.dispose();
  });

  it('starts each stored kernel within +-2.4 / fan-in of its own output map', () => {
    const layer = new PartialConv2D({ table: C3_TABLE });
    layer.build([null, 14, 14, 6]);
    const kernel = layer.getWeights()[0]!.arraySync() as number[][][];
    const largest = new Array<number>(16).fill(0);
    layer.links.forEach((link, index) => {
      for (const row of kernel)
        for (const links of row)
          largest[link.output] = Math.max(largest[link.output]!, Math.abs(links[index]!));
    });
    const fanIns = [75, 75, 75, 75, 75, 75, 100, 100, 100, 100, 100, 100, 100, 100, 100, 150];
    largest.forEach((value, map) => {
      expect(value).toBeLessThanOrEqual(2.4 / fanIns[map]!);
      expect(value).toBeGreaterThan(0.8 * (2.4 / fanIns[map]!));
    });
  });

  it('rejects malformed tables and mismatched inputs with lenet errors', () => {
    expect(() => new PartialConv2D({ table: [] })).toThrow(LayerArgumentError);
    expect(() => new PartialConv2D({ table: [[1, 2]] })).toThrow(/0\/1/);
    expect(
      () =>
        new PartialConv2D({
          table: [
            [1, 0],
            [1, 0],
          ],
        }),
    ).toThrow(/output map 1 has no input/);
    expect(() => {
      new PartialConv2D({ table: C3_TABLE }).build([null, 14, 14, 4]);
    }).toThrow(/6 input maps/);
    expect(() => {
      new PartialConv2D({ table: C3_TABLE }).build([null, 4, 4, 6]);
    }).toThrow(/at least 5x5/);
  });

  it('survives a save and load round trip with its table and weights', async () => {
    const input = tf.input({ shape: [14, 14, 6] });
    const model = tf.model({
      inputs: input,
      outputs: new PartialConv2D({ table: C3_TABLE }).apply(input) as tf.SymbolicTensor,
    });
    const loaded = await roundTrip(model);
    expect(loaded.layers[1]?.getConfig()['table']).toEqual(C3_TABLE);
    expect(loaded.countParams()).toBe(1516);
    const x = tf.randomUniform([2, 14, 14, 6]);
    const [expected, actual] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
    expect(Array.from(actual.dataSync())).toEqual(Array.from(expected.dataSync()));
    tf.dispose([x, expected, actual]);
  });

  it('rebuilds from its configuration with the same scheme, seed and initial weights', () => {
    const built = (
      args: Omit<ConstructorParameters<typeof PartialConv2D>[0], 'table'>,
    ): PartialConv2D => {
      const layer = new PartialConv2D({ table: H3_TABLE, kernelSize: 3, ...args });
      layer.build([null, 6, 6, 4]);
      return layer;
    };
    const seeded = built({ name: 'H3', seed: 21, initialisation: 'eblearn' });
    const rebuilt = rebuiltFromConfig(seeded);
    rebuilt.build([null, 6, 6, 4]);
    expect(seeded.getConfig()).toMatchObject({
      initialisation: 'eblearn',
      seed: 21,
      kernelInitializer: null,
      biasInitializer: null,
    });
    expect(rebuilt.getConfig()).toEqual(seeded.getConfig());
    expect(weightValues(rebuilt)).toEqual(weightValues(seeded));
    expect(weightValues(built({ seed: 22, initialisation: 'eblearn' }))[0]).not.toEqual(
      weightValues(seeded)[0],
    );
    // eblearn starts the biases at 0, the paper's scheme draws them: the scheme must survive too.
    expect(weightValues(seeded)[1]).toEqual(new Array<number>(12).fill(0));
    expect(weightValues(built({ seed: 21 }))[1]).not.toEqual(weightValues(seeded)[1]);
  });

  it('rebuilds from its configuration with the initialisers it was given', () => {
    const layer = new PartialConv2D({
      table: H3_TABLE,
      kernelSize: 3,
      kernelInitializer: new FanInUniform({ scale: 1, fanIn: 9, seed: 4 }),
      biasInitializer: tf.initializers.constant({ value: 0.125 }),
    });
    layer.build([null, 6, 6, 4]);
    expect(layer.getConfig()['kernelInitializer']).toEqual({
      className: 'FanInUniform',
      config: { scale: 1, exponent: 1, fanIn: 9, seed: 4 },
    });
    const rebuilt = rebuiltFromConfig(layer);
    rebuilt.build([null, 6, 6, 4]);
    expect(rebuilt.getConfig()).toEqual(layer.getConfig());
    expect(weightValues(rebuilt)).toEqual(weightValues(layer));
  });

  it('keeps its initialisers and seed through model.toJSON and tf.models.modelFromJSON', async () => {
    const input = tf.input({ shape: [14, 14, 6] });
    const layer = new PartialConv2D({
      name: 'C3',
      table: C3_TABLE,
      activation: 'scaledTanh',
      seed: 3,
      biasInitializer: new FanInUniform({ fanIn: 25, seed: 9 }),
    });
    const model = tf.model({ inputs: input, outputs: layer.apply(input) as tf.SymbolicTensor });
    const loaded = await modelFromTopology(model);
    expect(loaded.getLayer('C3').getConfig()).toEqual(layer.getConfig());
    expect(weightValues(loaded.getLayer('C3'))).toEqual(weightValues(layer));
    model.dispose();
    loaded.dispose();
  });
});
