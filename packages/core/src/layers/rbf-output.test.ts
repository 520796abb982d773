import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { DIGIT_CODES } from '../codes/digit-codes.js';
import { LayerArgumentError } from '../errors/layer-argument-error.js';
import {
  checkGradients,
  modelFromTopology,
  rebuiltFromConfig,
  roundTrip,
  weightValues,
} from '../test-support/layer-checks.js';
import { RbfOutput } from './rbf-output.js';

describe('RbfOutput', () => {
  it('reports 840 fixed and 0 trainable parameters with the digit codes', () => {
    const layer = new RbfOutput();
    layer.build([null, 84]);
    expect(layer.trainableWeights).toHaveLength(0);
    expect(layer.nonTrainableWeights.map((weight) => weight.shape)).toEqual([[84, 10]]);
    expect(layer.countParams()).toBe(840);
    expect(layer.countConnections([null, 84])).toBe(840);
    expect(layer.computeOutputShape([null, 84])).toEqual([null, 10]);
  });

  it('outputs squared Euclidean distances worked out by hand', () => {
    const layer = new RbfOutput({
      codes: [
        [1, -1],
        [0, 2],
        [3, 3],
      ],
    });
    layer.build([null, 2]);
    const before = tf.memory().numTensors;
    const input = tf.tensor2d([
      [1, 1],
      [0, 0],
    ]);
    const output = layer.apply(input) as tf.Tensor;
    // (1,1): to (1,-1) 0+4=4, to (0,2) 1+1=2, to (3,3) 4+4=8; (0,0): 2, 4, 18.
    expect(Array.from(output.dataSync())).toEqual([4, 2, 8, 2, 4, 18]);
    tf.dispose([input, output]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives distance 0 to the matching digit code and 4 x Hamming distance to the others', () => {
    const layer = new RbfOutput();
    layer.build([null, 84]);
    const distances = tf.tidy(() =>
      (layer.apply(tf.tensor2d([[...DIGIT_CODES[3]!]])) as tf.Tensor).dataSync(),
    );
    expect(distances[3]).toBe(0);
    const hamming = DIGIT_CODES.map(
      (code) => code.filter((value, index) => value !== DIGIT_CODES[3]![index]).length,
    );
    expect(Array.from(distances)).toEqual(hamming.map((count) => 4 * count));
  });

  it('can train its codes when asked', () => {
    const layer = new RbfOutput({ codes: [[1, 0]], trainableCodes: true });
    layer.build([null, 2]);
    expect(layer.trainableWeights).toHaveLength(1);
    const input = tf.tensor2d([
      [0.5, -0.3],
      [2, 1],
    ]);
    expect(checkGradients(layer, input).worst).toBeLessThan(5e-3);
    input.dispose();
  });

  it('has input gradients equal to finite differences', () => {
    const layer = new RbfOutput();
    layer.build([null, 84]);
    const input = tf.randomUniform([2, 84], -1.7, 1.7, 'float32', 11);
    expect(checkGradients(layer, input).worst).toBeLessThan(2e-2);
    input.dispose();
  });

  it('rejects malformed codes and inputs of the wrong length with lenet errors', () => {
    expect(() => new RbfOutput({ codes: [] })).toThrow(LayerArgumentError);
    expect(() => new RbfOutput({ codes: [[1, 2], [3]] })).toThrow(/equal-length/);
    expect(() => {
      new RbfOutput().build([null, 120]);
    }).toThrow(/\[batch, 84\]/);
  });

  it('survives a save and load round trip, keeping custom codes', async () => {
    const input = tf.input({ shape: [3] });
    const codes = [
      [1, 2, 3],
      [-1, 0, 1],
    ];
    const model = tf.model({
      inputs: input,
      outputs: new RbfOutput({ codes }).apply(input) as tf.SymbolicTensor,
    });
    const loaded = await roundTrip(model);
    expect(loaded.layers[1]?.getConfig()['codes']).toEqual(codes);
    const x = tf.tensor2d([[0.5, 1, -2]]);
    const [expected, actual] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
    expect(Array.from(actual.dataSync())).toEqual(Array.from(expected.dataSync()));
    tf.dispose([x, expected, actual]);
  });

  it('rebuilds an identical layer from its configuration, directly and through tf.models.modelFromJSON', async () => {
    const layer = new RbfOutput({
      name: 'output',
      codes: [
        [1, 0],
        [0, -1],
        [0.5, 0.5],
      ],
      trainableCodes: true,
    });
    layer.build([null, 2]);
    const rebuilt = rebuiltFromConfig(layer);
    rebuilt.build([null, 2]);
    expect(rebuilt.getConfig()).toEqual(layer.getConfig());
    expect(weightValues(rebuilt)).toEqual(weightValues(layer));
    expect(rebuilt.trainableWeights).toHaveLength(1);
    const input = tf.input({ shape: [2] });
    const model = tf.model({ inputs: input, outputs: layer.apply(input) as tf.SymbolicTensor });
    const loaded = await modelFromTopology(model);
    expect(loaded.getLayer('output').getConfig()).toEqual(layer.getConfig());
    expect(weightValues(loaded.getLayer('output'))).toEqual(weightValues(layer));
    model.dispose();
    loaded.dispose();
  });
});
