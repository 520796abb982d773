import * as tf from '@tensorflow/tfjs';

/** Saves a model through `tf.io.withSaveHandler` and loads it back with `tf.loadLayersModel`. */
export async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler((artifacts) => {
      saved = artifacts;
      return Promise.resolve({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } });
    }),
  );
  if (saved === undefined) throw new Error('the save handler was not called');
  return tf.loadLayersModel(tf.io.fromMemory(saved));
}

/** The largest absolute difference between analytic and central finite-difference gradients. */
export interface GradientReport {
  /** Max |analytic - numeric| over the probed entries, per weight and for the input. */
  worst: number;
  /** How many entries were probed. */
  probed: number;
}

function numericGradient(objective: () => number, values: Float32Array, index: number, step: number): number {
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
export function checkGradients(layer: tf.layers.Layer, input: tf.Tensor, step = 1e-2): GradientReport {
  const projection = tf.randomUniform(layer.computeOutputShape(input.shape) as number[], -1, 1, 'float32', 7);
  const weights = layer.getWeights().map((weight) => weight.dataSync().slice() as Float32Array);
  const shapes = layer.getWeights().map((weight) => weight.shape);
  const inputValues = input.dataSync().slice() as Float32Array;
  const evaluate = (): number =>
    tf.tidy(() => {
      layer.setWeights(weights.map((values, index) => tf.tensor(values, shapes[index])));
      return tf.sum(tf.mul(layer.apply(tf.tensor(inputValues, input.shape)) as tf.Tensor, projection)).dataSync()[0]!;
    });
  const analytic = tf.tidy(() => {
    layer.setWeights(weights.map((values, index) => tf.tensor(values, shapes[index])));
    // LayerVariable.read() returns the tf.Variable that holds the weight.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    const variables = layer.trainableWeights.map((weight) => weight.read() as tf.Variable);
    const objective = (x: tf.Tensor): tf.Scalar => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, projection));
    const inputGradient = tf.grad(objective)(tf.tensor(inputValues, input.shape)).dataSync().slice();
    if (variables.length === 0) return [inputGradient];
    const { grads } = tf.variableGrads(() => objective(tf.tensor(inputValues, input.shape)), variables);
    return [...variables.map((variable) => grads[variable.name]!.dataSync().slice()), inputGradient];
  });
  const trainableCount = layer.trainableWeights.length;
  const probes: [Float32Array, number][] = [...weights.slice(0, trainableCount), inputValues].map((values, slot) => [values, slot]);
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
