import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { LenetError } from '@lenet/common';
import {
  checkGradients,
  modelFromTopology,
  rebuiltFromConfig,
  roundTrip,
  thrownBy,
} from '../test-support/layer-checks.js';
import { ScaledTanh } from './scaled-tanh.js';

describe('ScaledTanh', () => {
  it('maps 1 to 1 and -1 to -1 with the paper constants, and 0 to 0', () => {
    const before = tf.memory().numTensors;
    const output = tf.tidy(() => new ScaledTanh().apply(tf.tensor1d([1, -1, 0, 3])) as tf.Tensor);
    const values = output.dataSync();
    expect(values[0]).toBeCloseTo(1.0, 4);
    expect(values[1]).toBeCloseTo(-1.0, 4);
    expect(values[2]).toBe(0);
    expect(values[3]).toBeCloseTo(1.7159 * Math.tanh(2), 5);
    output.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('uses configured amplitude and slope', () => {
    const layer = new ScaledTanh({ amplitude: 2, slope: 0.5 });
    const value = tf.tidy(() => (layer.apply(tf.scalar(1)) as tf.Tensor).dataSync()[0]);
    expect(value).toBeCloseTo(2 * Math.tanh(0.5), 6);
  });

  it('keeps the input shape', () => {
    expect(new ScaledTanh().computeOutputShape([null, 28, 28, 6])).toEqual([null, 28, 28, 6]);
  });

  it('has input gradients equal to finite differences', () => {
    const input = tf.randomUniform([2, 3, 3, 2], -2, 2, 'float32', 3);
    const report = checkGradients(new ScaledTanh(), input);
    expect(report.probed).toBeGreaterThan(10);
    expect(report.worst).toBeLessThan(5e-3);
    input.dispose();
  });

  it('rejects a non-finite amplitude or slope with a lenet error', () => {
    expect(() => new ScaledTanh({ amplitude: Number.NaN })).toThrow(/amplitude/);
    expect(() => new ScaledTanh({ slope: Number.POSITIVE_INFINITY })).toThrow(/slope/);
    expect(thrownBy(() => new ScaledTanh({ slope: Number.POSITIVE_INFINITY }))).toSatisfy((error) =>
      LenetError.isInstance(error),
    );
  });

  it('survives a save and load round trip with its configuration', async () => {
    const input = tf.input({ shape: [4] });
    const model = tf.model({
      inputs: input,
      outputs: new ScaledTanh({ amplitude: 3, slope: 0.25 }).apply(input) as tf.SymbolicTensor,
    });
    const loaded = await roundTrip(model);
    expect(loaded.layers[1]?.getClassName()).toBe('ScaledTanh');
    expect(loaded.layers[1]?.getConfig()).toMatchObject({ amplitude: 3, slope: 0.25 });
    const x = tf.tensor2d([[1, -2, 0.5, 4]]);
    const [expected, actual] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
    expect(Array.from(actual.dataSync())).toEqual(Array.from(expected.dataSync()));
    tf.dispose([x, expected, actual]);
  });

  it('rebuilds an identical layer from its configuration, directly and through tf.models.modelFromJSON', async () => {
    const layer = new ScaledTanh({ name: 'squash', amplitude: 1.5, slope: 0.75, trainable: false });
    expect(rebuiltFromConfig(layer).getConfig()).toEqual(layer.getConfig());
    const input = tf.input({ shape: [3] });
    const model = tf.model({ inputs: input, outputs: layer.apply(input) as tf.SymbolicTensor });
    const loaded = await modelFromTopology(model);
    expect(loaded.getLayer('squash').getConfig()).toEqual(layer.getConfig());
    model.dispose();
    loaded.dispose();
  });
});
