import * as tf from '@tensorflow/tfjs';

/** Saves a model through `tf.io.withSaveHandler` and loads it back with `tf.loadLayersModel`. */
export async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler((artifacts) => {
      saved = artifacts;
      return Promise.resolve({
        modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' },
      });
    }),
  );
  if (saved === undefined) throw new Error('the save handler was not called');
  return tf.loadLayersModel(tf.io.fromMemory(saved));
}

/** Rebuilds a layer from its `getConfig()` the way tfjs loading does: by class name through `tf.serialization.SerializationMap`. */
export function rebuiltFromConfig(layer: tf.layers.Layer): tf.layers.Layer {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[layer.getClassName()];
  if (entry === undefined)
    throw new Error(`${layer.getClassName()} is not registered for serialisation`);
  const [constructor, fromConfig] = entry;
  const rebuilt: unknown = fromConfig(constructor, layer.getConfig());
  if (!(rebuilt instanceof tf.layers.Layer))
    throw new Error(`${layer.getClassName()}.fromConfig did not return a layer`);
  return rebuilt;
}

/** A new model from `model.toJSON()` through `tf.models.modelFromJSON`: the topology only, so its weights are freshly initialised. */
export function modelFromTopology(model: tf.LayersModel): Promise<tf.LayersModel> {
  const topology = model.toJSON(null, false) as Parameters<typeof tf.models.modelFromJSON>[0];
  return tf.models.modelFromJSON(topology);
}

/** A layer's weights as plain arrays, in `getWeights()` order. */
export function weightValues(layer: tf.layers.Layer): number[][] {
  return layer.getWeights().map((weight) => Array.from(weight.dataSync()));
}

/** The largest absolute difference between analytic and central finite-difference gradients. */
export interface GradientReport {
  /** Max |analytic - numeric| over the probed entries, per weight and for the input. */
  worst: number;
  /** How many entries were probed. */
  probed: number;
}

function numericGradient(
  objective: () => number,
  values: Float32Array,
  index: number,
  step: number,
): number {
  const original = values[index]!;
  values[index] = original + step;
  const plus = objective();
  values[index] = original - step;
  const minus = objective();
  values[index] = original;
  return (plus - minus) / (2 * step);
}

/**
 * Compares a layer's gradients (with respect to its weights and its input) against central
 * finite differences of `sum(layer(x) * projection)`, in float64 arithmetic on the host for
 * the finite differences and tfjs autodiff for the analytic side.
 */
export function checkGradients(
  layer: tf.layers.Layer,
  input: tf.Tensor,
  step = 1e-2,
): GradientReport {
  const projection = tf.randomUniform(
    layer.computeOutputShape(input.shape) as number[],
    -1,
    1,
    'float32',
    7,
  );
  const weights = layer.getWeights().map((weight) => weight.dataSync().slice() as Float32Array);
  const shapes = layer.getWeights().map((weight) => weight.shape);
  const inputValues = input.dataSync().slice() as Float32Array;
  const evaluate = (): number =>
    tf.tidy(() => {
      layer.setWeights(weights.map((values, index) => tf.tensor(values, shapes[index])));
      return tf
        .sum(tf.mul(layer.apply(tf.tensor(inputValues, input.shape)) as tf.Tensor, projection))
        .dataSync()[0]!;
    });
  const analytic = tf.tidy(() => {
    layer.setWeights(weights.map((values, index) => tf.tensor(values, shapes[index])));
    // LayerVariable.read() returns the tf.Variable that holds the weight.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    const variables = layer.trainableWeights.map((weight) => weight.read() as tf.Variable);
    const objective = (x: tf.Tensor): tf.Scalar =>
      tf.sum(tf.mul(layer.apply(x) as tf.Tensor, projection));
    const inputGradient = tf
      .grad(objective)(tf.tensor(inputValues, input.shape))
      .dataSync()
      .slice();
    if (variables.length === 0) return [inputGradient];
    const { grads } = tf.variableGrads(
      () => objective(tf.tensor(inputValues, input.shape)),
      variables,
    );
    return [
      ...variables.map((variable) => grads[variable.name]!.dataSync().slice()),
      inputGradient,
    ];
  });
  const trainableCount = layer.trainableWeights.length;
  const probes: [Float32Array, number][] = [...weights.slice(0, trainableCount), inputValues].map(
    (values, slot) => [values, slot],
  );
  let worst = 0;
  let probed = 0;
  for (const [values, slot] of probes) {
    const stride = Math.max(1, Math.floor(values.length / 12));
    for (let index = 0; index < values.length; index += stride) {
      const numeric = numericGradient(evaluate, values, index, step);
      worst = Math.max(worst, Math.abs(numeric - analytic[slot]![index]!));
      probed += 1;
    }
  }
  projection.dispose();
  return { worst, probed };
}

/**
 * The error `action` throws. Fails (throws an `Error` saying so) when it returns normally, so
 * an assertion on the result cannot pass by the action not throwing.
 */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw, but it returned normally');
}
