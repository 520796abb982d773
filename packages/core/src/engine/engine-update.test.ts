import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { setupBackend } from '../backend/setup-backend.js';
import { seededValues } from '../test-support/kernel-comparison.js';
import type { EngineUpdate } from './engine-update.js';
import { createLenetEngine } from './create-lenet-engine.js';
import type { LenetEngine } from './lenet-engine.js';

/** A small network the engine runs, with 838 weights: not a whole number of SIMD vectors. */
function smallNetwork(): tf.Sequential {
  const model = tf.sequential();
  model.add(
    tf.layers.conv2d({
      inputShape: [9, 9, 1],
      filters: 3,
      kernelSize: 5,
      activation: 'tanh',
      kernelInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: 1 }),
    }),
  );
  model.add(tf.layers.flatten());
  model.add(
    tf.layers.dense({
      units: 10,
      kernelInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: 2 }),
      biasInitializer: tf.initializers.randomUniform({ minval: -0.1, maxval: 0.1, seed: 3 }),
    }),
  );
  return model;
}

function flatWeights(model: tf.LayersModel): Float32Array {
  return Float32Array.from(
    model.trainableWeights.flatMap((weight) => Array.from(weight.read().dataSync())),
  );
}

function namedGradients(model: tf.LayersModel, flat: Float32Array): tf.NamedTensorMap {
  const named: tf.NamedTensorMap = {};
  let offset = 0;
  for (const weight of model.trainableWeights) {
    const size = weight.shape.reduce<number>((product, side) => product * (side ?? 1), 1);
    named[weight.name] = tf.tensor(flat.subarray(offset, offset + size), weight.shape as number[]);
    offset += size;
  }
  return named;
}

interface Case {
  readonly name: string;
  readonly optimizer: () => tf.Optimizer;
  /** The engine's update for step t (1-based) of that optimiser. */
  readonly update: (t: number) => EngineUpdate;
  /** The optimiser's state variables, laid out as the engine's first and second state vectors. */
  readonly state?: (optimizer: tf.Optimizer) => { first: Float32Array; second?: Float32Array };
}

const concatenate = (variables: { variable: tf.Variable }[]): Float32Array =>
  Float32Array.from(variables.flatMap(({ variable }) => Array.from(variable.dataSync())));

const cases: Case[] = [
  {
    name: 'sgd',
    optimizer: () => tf.train.sgd(0.037),
    update: () => ({ rule: 'sgd', learningRate: 0.037 }),
  },
  {
    name: 'momentum',
    optimizer: () => tf.train.momentum(0.021, 0.9),
    update: () => ({ rule: 'momentum', learningRate: 0.021, momentum: 0.9, nesterov: false }),
    state: (optimizer) => ({
      first: concatenate(
        (optimizer as unknown as { accumulations: { variable: tf.Variable }[] }).accumulations,
      ),
    }),
  },
  {
    name: 'nesterov momentum',
    optimizer: () => tf.train.momentum(0.013, 0.7, true),
    update: () => ({ rule: 'momentum', learningRate: 0.013, momentum: 0.7, nesterov: true }),
    state: (optimizer) => ({
      first: concatenate(
        (optimizer as unknown as { accumulations: { variable: tf.Variable }[] }).accumulations,
      ),
    }),
  },
  {
    name: 'adam',
    optimizer: () => tf.train.adam(0.002, 0.9, 0.999, 1e-7),
    update: (t) => ({
      rule: 'adam',
      learningRate: 0.002,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-7,
      accBeta1: powerOf(0.9, t),
      accBeta2: powerOf(0.999, t),
    }),
    state: (optimizer) => {
      const adam = optimizer as unknown as {
        accumulatedFirstMoment: { variable: tf.Variable }[];
        accumulatedSecondMoment: { variable: tf.Variable }[];
      };
      return {
        first: concatenate(adam.accumulatedFirstMoment),
        second: concatenate(adam.accumulatedSecondMoment),
      };
    },
  },
];

/** beta^t as tfjs's Adam keeps it: a float32 product, one factor a step. */
function powerOf(beta: number, t: number): number {
  let power = Math.fround(beta);
  for (let step = 1; step < t; step += 1) power = Math.fround(power * Math.fround(beta));
  return power;
}

describe.each(['cpu', 'wasm'] as const)('the engine updates on the %s backend', (backend) => {
  afterAll(async () => {
    await setupBackend({ backends: ['cpu'] });
  });

  it.each(cases)(
    '$name moves the weights and its state bit for bit as the tfjs optimiser does',
    async ({ optimizer: create, update, state }) => {
      await setupBackend({ backends: [backend] });
      const model = smallNetwork();
      const engine = (await createLenetEngine(model)) as LenetEngine;
      const optimizer = create();
      for (let t = 1; t <= 4; t += 1) {
        // Gradients of several magnitudes, zeros among them, as a real run has.
        const gradients = seededValues([engine.plan.parameters], 100 + t, 10 ** (t - 3)).map(
          (value, index) => (index % 7 === 0 ? 0 : value),
        );
        const named = namedGradients(model, gradients);
        optimizer.applyGradients(named);
        tf.dispose(Object.values(named));
        engine.applyUpdate(update(t), gradients);
        expect(engine.weights()).toEqual(flatWeights(model));
        // A rule without a state vector must leave it as it started, at zero.
        const unused = new Float32Array(engine.plan.parameters);
        const expected = state?.(optimizer);
        const actual = engine.optimizerState();
        expect(actual.first).toEqual(expected?.first ?? unused);
        expect(actual.second).toEqual(expected?.second ?? unused);
      }
      expect(() => {
        engine.applyUpdate(update(5), new Float32Array(3));
      }).toThrow(/applyUpdate: expected 838 values, got 3/);
      optimizer.dispose();
      model.dispose();
    },
  );
});

describe('the engine update from gradient shares', () => {
  it('averages the shares as JavaScript does on Float32Arrays (float64 sums, float32 after each share), then updates', async () => {
    const model = smallNetwork();
    const engine = (await createLenetEngine(model)) as LenetEngine;
    const start = engine.weights();
    const shares = [
      { gradients: seededValues([engine.plan.parameters], 21, 3), fraction: 11 / 31 },
      { gradients: seededValues([engine.plan.parameters], 22, 1e-3), fraction: 11 / 31 },
      { gradients: seededValues([engine.plan.parameters], 23, 40), fraction: 9 / 31 },
    ];
    const averaged = new Float32Array(engine.plan.parameters);
    for (const { gradients, fraction } of shares)
      averaged.forEach(
        (value, index) => (averaged[index] = value + (gradients[index] ?? 0) * fraction),
      );
    engine.applyUpdate({ rule: 'sgd', learningRate: 0.01 }, shares);
    const viaShares = engine.weights();
    engine.setWeights(start);
    engine.applyUpdate({ rule: 'sgd', learningRate: 0.01 }, averaged);
    expect(viaShares).toEqual(engine.weights());
    expect(viaShares).not.toEqual(start);
    expect(() => {
      engine.applyUpdate({ rule: 'sgd', learningRate: 0.01 }, [
        { gradients: new Float32Array(5), fraction: 1 },
      ]);
    }).toThrow(/applyUpdate: expected 838 values, got 5/);
    model.dispose();
  });

  it("takes a 'held' first share from the engine's own computeGradients, as the same gradient passed in", async () => {
    const model = smallNetwork();
    const engine = (await createLenetEngine(model)) as LenetEngine;
    const start = engine.weights();
    const batch = {
      pixels: seededValues([3 * 81], 24, 1),
      size: 9,
      labels: Uint8Array.of(1, 7, 3),
    };
    const other = { gradients: seededValues([engine.plan.parameters], 25, 2), fraction: 1 / 3 };
    const target = new Float32Array(engine.plan.parameters);
    const { loss, gradients } = engine.gradients(batch, 'cross-entropy', target);
    expect(gradients).toBe(target);
    expect(engine.computeGradients(batch, 'cross-entropy').loss).toBe(loss);
    engine.applyUpdate({ rule: 'sgd', learningRate: 0.01 }, [
      { gradients: 'held', fraction: 2 / 3 },
      other,
    ]);
    const viaHeld = engine.weights(new Float32Array(engine.plan.parameters));
    engine.setWeights(start);
    engine.applyUpdate({ rule: 'sgd', learningRate: 0.01 }, [
      { gradients: target, fraction: 2 / 3 },
      other,
    ]);
    expect(viaHeld).toEqual(engine.weights());
    expect(viaHeld).not.toEqual(start);
    // The update used the space: no gradient is held any more, and a held share comes first only.
    expect(() => {
      engine.applyUpdate({ rule: 'sgd', learningRate: 0.01 }, [{ gradients: 'held', fraction: 1 }]);
    }).toThrow(/'held' share must come first, after computeGradients/);
    engine.computeGradients(batch, 'cross-entropy');
    expect(() => {
      engine.applyUpdate({ rule: 'sgd', learningRate: 0.01 }, [
        other,
        { gradients: 'held', fraction: 2 / 3 },
      ]);
    }).toThrow(/'held' share must come first/);
    expect(() => engine.weights(new Float32Array(2))).toThrow(
      /weights: expected 838 values, got 2/,
    );
    expect(() => engine.gradients(batch, 'cross-entropy', new Float32Array(2))).toThrow(
      /gradients: expected 838 values, got 2/,
    );
    model.dispose();
  });
});

describe('the engine optimiser state', () => {
  it('starts at zero, is set and read as copies, and refuses a wrong length', async () => {
    const model = smallNetwork();
    const engine = (await createLenetEngine(model)) as LenetEngine;
    expect(engine.optimizerState().first.every((value) => value === 0)).toBe(true);
    const first = seededValues([engine.plan.parameters], 7);
    const second = seededValues([engine.plan.parameters], 8).map(Math.abs);
    engine.setOptimizerState(first, second);
    const state = engine.optimizerState();
    expect(state.first).toEqual(first);
    expect(state.second).toEqual(second);
    state.first.fill(0);
    expect(engine.optimizerState().first).toEqual(first);
    expect(() => {
      engine.setOptimizerState(first, new Float32Array(2));
    }).toThrow(/setOptimizerState: expected 838 values, got 2/);
    model.dispose();
  });
});
