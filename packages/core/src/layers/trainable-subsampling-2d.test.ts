import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { LayerArgumentError } from '../errors/layer-argument-error.js';
import {
  checkGradients,
  modelFromTopology,
  rebuiltFromConfig,
  roundTrip,
  weightValues,
} from '../test-support/layer-checks.js';
import { TrainableSubsampling2D } from './trainable-subsampling-2d.js';

function built(
  args: ConstructorParameters<typeof TrainableSubsampling2D>[0],
  shape: number[],
): TrainableSubsampling2D {
  const layer = new TrainableSubsampling2D(args);
  layer.build([null, ...shape]);
  return layer;
}

describe('TrainableSubsampling2D', () => {
  it('returns 12 trainable parameters and 5,880 connections for S2 on 6 maps of 28x28', () => {
    const layer = built({}, [28, 28, 6]);
    expect(layer.countParams()).toBe(12);
    expect(layer.computeOutputShape([null, 28, 28, 6])).toEqual([null, 14, 14, 6]);
    expect(layer.countConnections([null, 28, 28, 6])).toBe(5880);
    expect(layer.countConnections([null, 10, 10, 16])).toBe(2000);
  });

  it('sums each 2x2 block, times the coefficient, plus the bias, per map', () => {
    const layer = built({}, [4, 4, 2]);
    layer.setWeights([tf.tensor1d([2, -1]), tf.tensor1d([0.5, 3])]);
    // map 0: values 0..15 row-major; map 1: all ones.
    const before = tf.memory().numTensors;
    const input = tf.tidy(() =>
      tf.stack([tf.range(0, 16).reshape([4, 4]), tf.ones([4, 4])], 2).expandDims(0),
    );
    const output = layer.apply(input) as tf.Tensor;
    expect(output.shape).toEqual([1, 2, 2, 2]);
    // block sums of map 0: (0+1+4+5)=10, (2+3+6+7)=18, (8+9+12+13)=42, (10+11+14+15)=50.
    const map0 = [10, 18, 42, 50].map((sum) => 2 * sum + 0.5);
    const map1 = [4, 4, 4, 4].map((sum) => -1 * sum + 3);
    const values = Array.from(output.dataSync());
    expect(values).toEqual([
      map0[0],
      map1[0],
      map0[1],
      map1[1],
      map0[2],
      map1[2],
      map0[3],
      map1[3],
    ]);
    tf.dispose([input, output]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('applies the scaled tanh after the affine step when asked', () => {
    const layer = built({ activation: 'scaledTanh' }, [2, 2, 1]);
    layer.setWeights([tf.tensor1d([0.25]), tf.tensor1d([0])]);
    const value = tf.tidy(() => (layer.apply(tf.ones([1, 2, 2, 1])) as tf.Tensor).dataSync()[0]);
    expect(value).toBeCloseTo(1, 4);
  });

  it('feeds each input map to depthMultiplier output maps, each with its own weights', () => {
    const layer = built({ depthMultiplier: 2 }, [2, 2, 2]);
    expect(layer.countParams()).toBe(8);
    layer.setWeights([tf.tensor1d([1, 2, 3, 4]), tf.tensor1d([0, 0, 0, 0])]);
    const input = tf.tensor4d([1, 10, 1, 10, 1, 10, 1, 10], [1, 2, 2, 2]);
    const output = layer.apply(input) as tf.Tensor;
    expect(Array.from(output.dataSync())).toEqual([4, 8, 120, 160]);
    tf.dispose([input, output]);
  });

  it('has gradients equal to finite differences', () => {
    const layer = built({ activation: 'scaledTanh' }, [4, 6, 3]);
    const input = tf.randomUniform([2, 4, 6, 3], -1, 1, 'float32', 5);
    const report = checkGradients(layer, input);
    expect(report.worst).toBeLessThan(5e-3);
    input.dispose();
  });

  it('rejects a bad pool size, activation and input with lenet errors', () => {
    expect(() => new TrainableSubsampling2D({ poolSize: 0 })).toThrow(LayerArgumentError);
    expect(() => new TrainableSubsampling2D({ activation: 'swish' as never })).toThrow(
      /activation/,
    );
    expect(() => {
      built({}, [1, 1, 3]);
    }).toThrow(/at least 2x2/);
    expect(() => {
      new TrainableSubsampling2D().build([null, 28, 6]);
    }).toThrow(/\[batch, height, width, channels\]/);
  });

  it('survives a save and load round trip with its weights and configuration', async () => {
    const input = tf.input({ shape: [6, 6, 2] });
    const layer = new TrainableSubsampling2D({ activation: 'tanh', depthMultiplier: 2 });
    const model = tf.model({ inputs: input, outputs: layer.apply(input) as tf.SymbolicTensor });
    const loaded = await roundTrip(model);
    expect(loaded.layers[1]?.getConfig()).toMatchObject({
      poolSize: 2,
      activation: 'tanh',
      depthMultiplier: 2,
    });
    const x = tf.randomUniform([1, 6, 6, 2]);
    const [expected, actual] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
    expect(Array.from(actual.dataSync())).toEqual(Array.from(expected.dataSync()));
    tf.dispose([x, expected, actual]);
  });

  it('rebuilds from its configuration with the same scheme, seed and initial weights', () => {
    const seeded = built({ name: 'S2', activation: 'scaledTanh', seed: 11 }, [4, 4, 3]);
    const rebuilt = rebuiltFromConfig(seeded);
    rebuilt.build([null, 4, 4, 3]);
    expect(seeded.getConfig()).toMatchObject({
      initialisation: 'paper',
      seed: 11,
      coefficientInitializer: null,
      biasInitializer: null,
    });
    expect(rebuilt.getConfig()).toEqual(seeded.getConfig());
    expect(weightValues(rebuilt)).toEqual(weightValues(seeded));
    expect(weightValues(built({ seed: 12 }, [4, 4, 3]))).not.toEqual(weightValues(seeded));
    const eblearn = rebuiltFromConfig(built({ initialisation: 'eblearn' }, [4, 4, 2]));
    eblearn.build([null, 4, 4, 2]);
    expect(eblearn.getConfig()).toMatchObject({ initialisation: 'eblearn', seed: null });
    expect(weightValues(eblearn)).toEqual([
      [0.5, 0.5],
      [0, 0],
    ]);
  });

  it('rebuilds from its configuration with the initialisers it was given', () => {
    const layer = built(
      {
        coefficientInitializer: tf.initializers.randomUniform({ minval: 1, maxval: 2, seed: 3 }),
        biasInitializer: tf.initializers.constant({ value: -0.25 }),
      },
      [4, 4, 2],
    );
    expect(layer.getConfig()['coefficientInitializer']).toEqual({
      className: 'RandomUniform',
      config: { minval: 1, maxval: 2, seed: 3 },
    });
    expect(layer.getConfig()['biasInitializer']).toEqual({
      className: 'Constant',
      config: { value: -0.25 },
    });
    const rebuilt = rebuiltFromConfig(layer);
    rebuilt.build([null, 4, 4, 2]);
    expect(rebuilt.getConfig()).toEqual(layer.getConfig());
    expect(weightValues(rebuilt)).toEqual(weightValues(layer));
  });

  it('keeps its initialisers and seed through model.toJSON and tf.models.modelFromJSON', async () => {
    const input = tf.input({ shape: [4, 4, 2] });
    const seeded = new TrainableSubsampling2D({
      name: 'seeded',
      seed: 5,
      initialisation: 'paper',
      depthMultiplier: 2,
    });
    const given = new TrainableSubsampling2D({
      name: 'given',
      biasInitializer: tf.initializers.randomNormal({ mean: 1, stddev: 0.1, seed: 8 }),
    });
    const model = tf.model({
      inputs: input,
      outputs: given.apply(seeded.apply(input)) as tf.SymbolicTensor,
    });
    const loaded = await modelFromTopology(model);
    const [loadedSeeded, loadedGiven] = [loaded.getLayer('seeded'), loaded.getLayer('given')];
    expect(loadedSeeded.getConfig()).toEqual(seeded.getConfig());
    expect(loadedGiven.getConfig()).toEqual(given.getConfig());
    expect(weightValues(loadedSeeded)).toEqual(weightValues(seeded));
    expect(weightValues(loadedGiven)[1]).toEqual(weightValues(given)[1]);
    model.dispose();
    loaded.dispose();
  });

  it('rejects a bad seed, scheme or initialiser configuration with lenet errors', () => {
    expect(() => new TrainableSubsampling2D({ seed: Number.NaN })).toThrow(/seed/);
    expect(() => new TrainableSubsampling2D({ initialisation: 'xavier' as never })).toThrow(
      /paper, eblearn/,
    );
    expect(
      () =>
        new TrainableSubsampling2D({
          biasInitializer: { className: 'NoSuchInitializer', config: {} },
        }),
    ).toThrow(LayerArgumentError);
    expect(() => new TrainableSubsampling2D({ coefficientInitializer: 'zeros' as never })).toThrow(
      /coefficientInitializer/,
    );
  });
});
