import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { LayerArgumentError } from '../errors/layer-argument-error.js';
import { roundTrip } from '../test-support/layer-checks.js';
import { FanInUniform } from './fan-in-uniform.js';

function range(tensor: tf.Tensor): [number, number] {
  const values = tensor.dataSync();
  tensor.dispose();
  return [Math.min(...values), Math.max(...values)];
}

describe('FanInUniform', () => {
  it('draws a conv kernel within +-2.4 / (height x width x channels) and fills the range', () => {
    const [low, high] = range(new FanInUniform({ seed: 1 }).apply([5, 5, 6, 16]));
    const limit = 2.4 / 150;
    expect(low).toBeGreaterThanOrEqual(-limit);
    expect(high).toBeLessThanOrEqual(limit);
    expect(high - low).toBeGreaterThan(1.9 * limit);
  });

  it('reads the fan-in of a dense kernel from its first axis', () => {
    const [low, high] = range(new FanInUniform({ seed: 2 }).apply([120, 84]));
    expect(Math.max(-low, high)).toBeLessThanOrEqual(0.02);
    expect(Math.max(-low, high)).toBeGreaterThan(0.019);
  });

  it('applies one fan-in per entry of the last axis when given an array', () => {
    const before = tf.memory().numTensors;
    const values = new FanInUniform({ fanIn: [1, 1000], seed: 3 }).apply([200, 2]);
    const columns = tf.tidy(() => tf.max(tf.abs(values), 0).dataSync());
    values.dispose();
    expect(columns[0]).toBeGreaterThan(2);
    expect(columns[1]).toBeLessThanOrEqual(0.0024);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('divides by the fan-in raised to the exponent: 1 / sqrt(400) for a C5 kernel with exponent 0.5', () => {
    const [low, high] = range(
      new FanInUniform({ scale: 1, exponent: 0.5, seed: 4 }).apply([5, 5, 16, 120]),
    );
    expect(Math.max(-low, high)).toBeLessThanOrEqual(0.05);
    expect(Math.max(-low, high)).toBeGreaterThan(0.0495);
    expect(() => new FanInUniform({ exponent: -1 })).toThrow(/exponent/);
  });

  it('asks for a fan-in when the shape does not tell it', () => {
    expect(() => new FanInUniform().apply([10])).toThrow(LayerArgumentError);
    expect(() => new FanInUniform({ fanIn: 0 })).toThrow(/positive/);
  });

  it('is accepted by stock tfjs layers and survives a save and load round trip', async () => {
    const layer = tf.layers.dense({
      units: 3,
      inputShape: [4],
      kernelInitializer: new FanInUniform({ scale: 1.2, fanIn: 8 }),
    });
    const model = tf.sequential({ layers: [layer] });
    const expected = {
      className: 'FanInUniform',
      config: { scale: 1.2, exponent: 1, fanIn: 8, seed: null },
    };
    expect(layer.getConfig()['kernelInitializer']).toEqual(expected);
    const loaded = await roundTrip(model);
    expect(loaded.layers[0]?.getConfig()['kernelInitializer']).toEqual(expected);
    model.dispose();
    loaded.dispose();
  });
});
