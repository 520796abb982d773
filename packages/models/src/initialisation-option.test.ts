import type * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { lenet1 } from './lenet1.js';
import { lenet5 } from './lenet5.js';

/** The largest absolute value of each trainable weight, by `<layer>/<weight>` (tfjs may suffix the variables' own names). */
function largestByWeight(model: tf.LayersModel): Map<string, number> {
  const result = new Map(
    model.layers.flatMap((layer) =>
      layer.trainableWeights.map(
        (weight) =>
          [
            `${layer.name}/${(weight.name.split('/').pop() ?? '').replace(/_\d+$/, '')}`,
            Math.max(...Array.from(weight.read().dataSync(), Math.abs)),
          ] as const,
      ),
    ),
  );
  model.dispose();
  return result;
}

describe('the initialisation option', () => {
  it("starts LeNet-5 as LeCun's lab code does: weights within 1/sqrt(F_i), biases 0, subsampling coefficients 0.5", () => {
    const model = lenet5({ seed: 1, initialisation: 'eblearn' });
    const coefficients = Array.from(model.getLayer('S2').getWeights()[0]!.dataSync());
    const largest = largestByWeight(model);
    expect(coefficients).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    const biases = [...largest].filter(([name]) => name.endsWith('/bias'));
    expect(biases.length).toBeGreaterThanOrEqual(6);
    expect(biases.filter(([, value]) => value !== 0)).toEqual([]);
    expect(largest.get('C1/kernel')).toBeLessThanOrEqual(1 / 5);
    expect(largest.get('C1/kernel')).toBeGreaterThan(0.19);
    expect(largest.get('C5/kernel')).toBeLessThanOrEqual(1 / 20);
    // C3's maps have fan-ins 75, 100 and 150: the widest bound is 1/sqrt(75).
    expect(largest.get('C3/kernel')).toBeLessThanOrEqual(1 / Math.sqrt(75));
    expect(largest.get('C3/kernel')).toBeGreaterThan(0.9 / Math.sqrt(75));
  });

  it("keeps the paper's +-2.4 / F_i by default", () => {
    const largest = largestByWeight(lenet5({ seed: 1 }));
    expect(largest.get('C1/kernel')).toBeLessThanOrEqual(2.4 / 25);
    expect(largest.get('C1/kernel')).toBeGreaterThan(0.09);
    expect(largest.get('F6/bias')).toBeGreaterThan(0);
  });

  it('applies to LeNet-1 too', () => {
    const largest = largestByWeight(lenet1({ seed: 1, initialisation: 'eblearn' }));
    expect(largest.get('H1/kernel')).toBeGreaterThan(2.4 / 25);
    expect(largest.get('OUTPUT/bias')).toBe(0);
  });
});
