import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { MNIST_TRAINED_ON } from '../datasets/trained-on.js';
import { ModelSwitch, type PadModel, type SwitchState } from './model-switch.js';
import { findShippedModel } from './shipped-models.js';

function padModel(key: string): PadModel {
  return {
    key,
    title: key,
    model: tf.sequential(),
    recipe: findShippedModel(key),
    trainedOn: MNIST_TRAINED_ON,
    shipped: true,
  };
}

/** A load that finishes when the test says, and records whether it was aborted. */
function deferredLoad(key: string) {
  let finish = () => {};
  const load = {
    aborted: false,
    run: (signal: AbortSignal) =>
      new Promise<PadModel>((resolve) => {
        signal.addEventListener('abort', () => (load.aborted = true));
        finish = () => {
          resolve(padModel(key));
        };
      }),
    finish: () => {
      finish();
    },
  };
  return load;
}

describe('ModelSwitch', () => {
  it('shows the model loading, then uses it', async () => {
    const states: SwitchState[] = [];
    const models = new ModelSwitch((state) => states.push(state));
    const load = deferredLoad('lenet5');
    const switched = models.switchTo('lenet5', 'LeNet-5 (paper)', load.run);
    expect(models.state.loading).toEqual({ key: 'lenet5', title: 'LeNet-5 (paper)' });
    expect(models.state.inUse).toBeUndefined();
    load.finish();
    expect(await switched).toEqual({ used: true });
    expect(models.state.inUse?.key).toBe('lenet5');
    expect(models.state.loading).toBeUndefined();
    expect(states).toHaveLength(2);
  });

  it('aborts an earlier load still running and never uses its model, even when it arrives last', async () => {
    const models = new ModelSwitch(() => {});
    const slow = deferredLoad('lenet1');
    const fast = deferredLoad('lenet5-modern');
    const first = models.switchTo('lenet1', 'LeNet-1', slow.run);
    const second = models.switchTo('lenet5-modern', 'LeNet-5 (modern)', fast.run);
    expect(slow.aborted).toBe(true);
    fast.finish();
    expect(await second).toEqual({ used: true });
    slow.finish();
    expect(await first).toEqual({ used: false });
    expect(models.state.inUse?.key).toBe('lenet5-modern');
    expect(models.state.loading).toBeUndefined();
  });

  it('keeps the model in use and says why when a load fails', async () => {
    const models = new ModelSwitch(() => {});
    await models.switchTo('lenet5', 'LeNet-5 (paper)', () => padModel('lenet5'));
    const failed = await models.switchTo('lenet1', 'LeNet-1', () =>
      Promise.reject(new Error('HTTP 404')),
    );
    expect(failed).toEqual({ used: false, failure: 'could not load LeNet-1: HTTP 404' });
    expect(models.state.inUse?.key).toBe('lenet5');
    expect(models.state.failure).toBe('could not load LeNet-1: HTTP 404');
  });
});
