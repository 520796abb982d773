import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ScaledTanh } from '../activations/scaled-tanh.js';
import { LayerArgumentError } from '../errors/layer-argument-error.js';
import { FanInUniform } from './fan-in-uniform.js';
import { resolveInitializer, serializeInitializer } from './initializer-config.js';

describe('serializeInitializer and resolveInitializer', () => {
  it('write an initialiser as { className, config } and rebuild an equal one from it', () => {
    const initializer = new FanInUniform({ scale: 1, exponent: 0.5, fanIn: [4, 9], seed: 2 });
    const serialized = serializeInitializer(initializer);
    expect(serialized).toEqual({
      className: 'FanInUniform',
      config: { scale: 1, exponent: 0.5, fanIn: [4, 9], seed: 2 },
    });
    const rebuilt = resolveInitializer('Test', 'initializer', serialized);
    expect(rebuilt).toBeInstanceOf(FanInUniform);
    expect(serializeInitializer(rebuilt)).toEqual(serialized);
  });

  it('rebuild stock tfjs initialisers and pass instances through unchanged', () => {
    const constant = tf.initializers.constant({ value: 3 });
    expect(resolveInitializer('Test', 'initializer', constant)).toBe(constant);
    const rebuilt = resolveInitializer('Test', 'initializer', {
      className: 'Constant',
      config: { value: 3 },
    });
    expect(rebuilt?.getClassName()).toBe('Constant');
    expect(rebuilt?.getConfig()).toEqual({ value: 3 });
  });

  it('treat null and undefined as "no initialiser given"', () => {
    expect(serializeInitializer(undefined)).toBeNull();
    expect(resolveInitializer('Test', 'initializer', null)).toBeUndefined();
    expect(resolveInitializer('Test', 'initializer', undefined)).toBeUndefined();
  });

  it('reject malformed values and unregistered class names, naming the argument', () => {
    expect(() => resolveInitializer('Test', 'biasInitializer', 'zeros')).toThrow(
      LayerArgumentError,
    );
    expect(() => resolveInitializer('Test', 'biasInitializer', { className: 'Constant' })).toThrow(
      /biasInitializer/,
    );
    expect(() =>
      resolveInitializer('Test', 'biasInitializer', { className: 'NoSuchInitializer', config: {} }),
    ).toThrow(/registerClass/);
    // A registered class that is not an initialiser.
    expect(ScaledTanh.className).toBe('ScaledTanh');
    expect(() =>
      resolveInitializer('Test', 'biasInitializer', { className: 'ScaledTanh', config: {} }),
    ).toThrow(/initialiser class registered/);
  });
});
