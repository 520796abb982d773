import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { LayerArgumentError } from '../errors/layer-argument-error.js';
import { FanInUniform } from './fan-in-uniform.js';
import { schemeInitializer, type InitialisationScheme } from './initialisation-scheme.js';

function drawn(
  scheme: InitialisationScheme,
  role: 'weight' | 'bias' | 'coefficient',
  fanIn: number,
  shape: number[],
): Float32Array {
  const tensor = schemeInitializer(scheme, role, fanIn, 5).apply(shape);
  const values = tensor.dataSync() as Float32Array;
  tensor.dispose();
  return values;
}

const largest = (values: Float32Array) => Math.max(...Array.from(values, Math.abs));

describe('schemeInitializer', () => {
  it("draws every paper parameter uniform in +-2.4 / F_i, as the paper's text says", () => {
    expect(schemeInitializer('paper', 'weight', 120)).toBeInstanceOf(FanInUniform);
    expect(largest(drawn('paper', 'weight', 120, [120, 84]))).toBeLessThanOrEqual(0.02);
    expect(largest(drawn('paper', 'weight', 120, [120, 84]))).toBeGreaterThan(0.019);
    expect(largest(drawn('paper', 'bias', 120, [84]))).toBeGreaterThan(0.01);
    expect(largest(drawn('paper', 'coefficient', 4, [6]))).toBeGreaterThan(0.1);
  });

  it('draws eblearn weights uniform in +-1 / sqrt(F_i), with biases 0 and subsampling coefficients 0.5', () => {
    const weights = drawn('eblearn', 'weight', 120, [120, 84]);
    expect(largest(weights)).toBeLessThanOrEqual(1 / Math.sqrt(120));
    expect(largest(weights)).toBeGreaterThan(0.98 / Math.sqrt(120));
    expect(new Set(drawn('eblearn', 'bias', 120, [84]))).toEqual(new Set([0]));
    expect(new Set(drawn('eblearn', 'coefficient', 4, [6]))).toEqual(new Set([0.5]));
  });

  it('repeats its draws for a seed and leaks no tensors', () => {
    const before = tf.memory().numTensors;
    expect(drawn('eblearn', 'weight', 25, [5, 5, 1, 6])).toEqual(
      drawn('eblearn', 'weight', 25, [5, 5, 1, 6]),
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names the schemes it knows when given another', () => {
    expect(() => schemeInitializer('xavier' as InitialisationScheme, 'weight', 25)).toThrow(
      LayerArgumentError,
    );
    expect(() => schemeInitializer('xavier' as InitialisationScheme, 'weight', 25)).toThrow(
      /paper, eblearn/,
    );
  });
});
