import type * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { lenet1 } from './lenet1.js';
import { lenet4 } from './lenet4.js';
import { lenet5, lenet5Modern } from './lenet5.js';

function weightsOf(model: tf.LayersModel): Float32Array[] {
  const values = model.getWeights().map((weight) => weight.dataSync() as Float32Array);
  model.dispose();
  return values;
}

const factories: [string, (seed?: number) => tf.LayersModel][] = [
  ['lenet1', (seed) => lenet1({ seed })],
  ['lenet4', (seed) => lenet4({ seed })],
  ['lenet5', (seed) => lenet5({ seed })],
  ['lenet5 (softmax head)', (seed) => lenet5({ head: 'softmax', seed })],
  ['lenet5Modern', (seed) => lenet5Modern({ seed })],
];

describe('seeded initialisation', () => {
  it.each(factories)(
    '%s draws the same weights from the same seed and other weights from another',
    (_, create) => {
      const first = weightsOf(create(42));
      const again = weightsOf(create(42));
      const other = weightsOf(create(43));
      expect(again).toEqual(first);
      expect(
        other.some((values, index) =>
          values.some((value, position) => value !== first[index]?.[position]),
        ),
      ).toBe(true);
    },
  );

  it('keeps every layer distinct: no two seeded kernels of LeNet-5 start alike', () => {
    const kernels = weightsOf(lenet5({ seed: 1 })).filter((values) => values.length > 100);
    const starts = kernels.map((values) => values.slice(0, 4).join(','));
    expect(new Set(starts).size).toBe(kernels.length);
  });
});
