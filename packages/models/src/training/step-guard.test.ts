import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { lenet5 } from '../lenet5.js';
import { trainableWeightSizes } from './flat-weights.js';
import { NonFiniteTrainingError } from './non-finite-training-error.js';
import { ResumableAdam } from './resumable-adam.js';
import { createStepGuard } from './step-guard.js';
import { poisonedAdamState, resumableAdamName, tfjsAdamName } from '../test-support/adam-state.js';

const model = lenet5({ seed: 2 });
const sizes = trainableWeightSizes(model);
const parameters = sizes.reduce((sum, size) => sum + size, 0);
/** Where the trainable weight `name` (`C3/kernel`) starts in the flat layout. */
const offsetOf = (name: string): number =>
  sizes
    .slice(
      0,
      model.trainableWeights.findIndex((weight) => weight.originalName === name),
    )
    .reduce((sum, size) => sum + size, 0);

/** What `check` throws; fails the test when it does not. */
async function thrown(check: () => unknown): Promise<NonFiniteTrainingError> {
  const error: unknown = await Promise.resolve()
    .then(check)
    .then(
      () => undefined,
      (reason: unknown) => reason,
    );
  if (!NonFiniteTrainingError.isInstance(error))
    throw new Error(`expected a NonFiniteTrainingError, got ${String(error)}`);
  return error;
}

describe('createStepGuard', () => {
  it('passes a step whose loss and gradients are finite', () => {
    const guard = createStepGuard(model);
    const gradients = new Float32Array(parameters).fill(1e30);
    expect(() => {
      guard.checkStep(2.3, [gradients, gradients]);
    }).not.toThrow();
  });

  it('names the loss when the loss is not finite', async () => {
    const error = await thrown(() => {
      createStepGuard(model).checkStep(Number.POSITIVE_INFINITY, [new Float32Array(parameters)]);
    });
    expect([error.quantity, error.weight, error.value]).toEqual(['loss', undefined, Infinity]);
    expect(error.message).toBe(
      'Training stopped at a step: the loss is Infinity. The weights were NOT updated by that step. Training diverged: train again with a lower learning rate, or resume from the last checkpoint with a lower one.',
    );
  });

  it('names the first weight whose gradient is not finite, over all the shares of a batch', async () => {
    const first = new Float32Array(parameters);
    const second = new Float32Array(parameters);
    first[offsetOf('F6/kernel') + 3] = Number.NEGATIVE_INFINITY;
    second[offsetOf('C3/kernel') + 11] = Number.NaN;
    const error = await thrown(() => {
      createStepGuard(model).checkStep(1.5, [first, second]);
    });
    expect([error.quantity, error.weight, error.value]).toEqual(['gradient', 'C3/kernel', NaN]);
    expect(error.at(2, 6).message).toMatch(
      /^Training stopped at epoch 3, batch 7 \(both counted from 1\): the gradient of C3\/kernel holds NaN\. The weights were NOT updated/,
    );
  });

  it.each([
    ["ResumableAdam's", () => new ResumableAdam(0.001), resumableAdamName],
    ["tfjs's Adam's", () => tf.train.adam(0.001), tfjsAdamName],
  ])(
    'names the weight whose moment in %s state (restored by setWeights) is NaN, reads the state once, and leaks no tensors',
    async (_, makeOptimizer, name) => {
      const optimizer = makeOptimizer();
      const state = poisonedAdamState(model, 'C5/kernel', 40, Number.NaN, name);
      await optimizer.setWeights(state);
      const guard = createStepGuard(model);
      const before = tf.memory().numTensors;
      const error = await thrown(() => guard.checkOptimizer(optimizer));
      expect([error.quantity, error.weight, error.value]).toEqual([
        'optimizer-state',
        'C5/kernel',
        NaN,
      ]);
      expect(error.message).toMatch(/resume from an earlier checkpoint, or start a new run/);
      expect(tf.memory().numTensors).toBe(before);
      const healthy = makeOptimizer();
      const read = vi.spyOn(healthy, 'getWeights');
      await guard.checkOptimizer(healthy);
      await guard.checkOptimizer(healthy);
      expect(read).toHaveBeenCalledTimes(1);
      tf.dispose(state.map(({ tensor }) => tensor));
      optimizer.dispose();
      healthy.dispose();
    },
  );
});
