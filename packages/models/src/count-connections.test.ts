import * as tf from '@tensorflow/tfjs';
import { LenetError } from '@lenet/core/errors';
import { describe, expect, it } from 'vitest';
import { countConnections } from './count-connections.js';

function built(layers: tf.layers.Layer[], shape: number[]): tf.Sequential {
  const model = tf.sequential({ layers });
  model.build([null, ...shape]);
  return model;
}

describe('countConnections', () => {
  it('counts stock layers as the paper does: units x (inputs per unit + bias)', () => {
    const model = built(
      [
        tf.layers.conv2d({ filters: 3, kernelSize: [3, 2], useBias: false, inputShape: [6, 5, 2] }),
        tf.layers.averagePooling2d({ poolSize: 2 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 7 }),
      ],
      [6, 5, 2],
    );
    // conv: 4x4x3 units x (3x2x2) inputs, no bias; pooling: 2x2x3 units x 4; dense: 7 x (12 + 1).
    expect(model.layers.map(countConnections)).toEqual([4 * 4 * 3 * 12, 2 * 2 * 3 * 4, 0, 7 * 13]);
    model.dispose();
  });

  it('refuses a layer it cannot count with a lenet error naming the class', () => {
    const model = built([tf.layers.batchNormalization({ inputShape: [4] })], [4]);
    try {
      countConnections(model.layers[0]!);
      expect.unreachable();
    } catch (error) {
      expect(LenetError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/BatchNormalization/);
    }
    model.dispose();
  });
});
