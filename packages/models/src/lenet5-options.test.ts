import { LenetError } from '@lenet/core/errors';
import { describe, expect, it } from 'vitest';
import { lenet5 } from './lenet5.js';
import { resolveLenet5Options } from './lenet5-options.js';

describe('resolveLenet5Options', () => {
  it("defaults to the paper's network", () => {
    expect(resolveLenet5Options()).toEqual({
      head: 'rbf',
      activation: 'scaledTanh',
      pooling: 'trainable',
      c3: 'table',
      initialisation: 'paper',
      classes: 10,
    });
  });

  it('lets explicit options override the modern preset', () => {
    expect(resolveLenet5Options({ preset: 'modern', head: 'rbf' })).toEqual({
      head: 'rbf',
      activation: 'relu',
      pooling: 'max',
      c3: 'full',
      initialisation: 'paper',
      classes: 10,
    });
  });

  it('rejects unknown values with a lenet error naming the option', () => {
    expect(() => resolveLenet5Options({ pooling: 'median' as never })).toThrow(
      /pooling.*trainable, average, max.*"median"/,
    );
    expect(() => resolveLenet5Options({ initialisation: 'he' as never })).toThrow(
      /initialisation.*paper, eblearn.*"he"/,
    );
    try {
      lenet5({ preset: 'tiny' as never });
      expect.unreachable();
    } catch (error) {
      expect(LenetError.isInstance(error)).toBe(true);
    }
  });
});
