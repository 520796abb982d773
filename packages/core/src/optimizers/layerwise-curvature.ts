import * as tf from '@tensorflow/tfjs';
import { LENET_ACTIVATIONS, applyActivation } from '../activations/activation.js';
import type { LenetActivation } from '../activations/activation.js';
import { registeredVariable } from './registered-variable.js';
import { SdlmError } from './sdlm-errors.js';

/** Layers whose output is an elementwise function of their input. */
const ELEMENTWISE_LAYERS = new Set(['ScaledTanh', 'Activation']);
/** Layers that only move values around (every coefficient 1). */
const REARRANGING_LAYERS = new Set(['Flatten', 'Reshape']);
/** Layers computing `f(linear(x, w) + b)` whose configuration names the activation f. */
const WEIGHTED_LAYERS = new Set(['Dense', 'Conv2D', 'TrainableSubsampling2D', 'PartialConv2D']);

/** A copy of a weighted layer without its activation, and the activation's name. */
interface LinearPart {
  linear: tf.layers.Layer;
  activation: LenetActivation;
}

/** The layer's activation, one the recursion can differentiate elementwise. */
function elementwiseActivation(layer: tf.layers.Layer): LenetActivation {
  const activation = layer.getConfig().activation;
  if (!LENET_ACTIVATIONS.includes(activation as LenetActivation)) {
    throw new SdlmError(
      layer.name,
      `the layerwise method cannot differentiate activation ${JSON.stringify(activation)}; expected one of ${LENET_ACTIVATIONS.join(', ')}. Use method 'exact' or 'random-sign'.`,
    );
  }
  return activation as LenetActivation;
}

function linearPart(layer: tf.layers.Layer, input: tf.Tensor): LinearPart {
  const config = layer.getConfig();
  const activation = elementwiseActivation(layer);
  const [constructor, fromConfig] =
    tf.serialization.SerializationMap.getMap().classNameMap[layer.getClassName()]!;
  const linear: unknown = fromConfig(constructor, {
    ...config,
    activation: 'linear',
    name: `${layer.name}_sdlm_linear`,
  });
  if (!(linear instanceof tf.layers.Layer))
    throw new SdlmError(
      layer.name,
      `could not rebuild ${layer.getClassName()} from its configuration. Use method 'exact' or 'random-sign'.`,
    );
  linear.apply(input);
  linear.setWeights(layer.getWeights());
  return { linear, activation };
}

/** d2E/dx^2 of an elementwise layer: f'(x)^2 * d2E/dy^2. */
function throughElementwise(
  apply: (x: tf.Tensor) => tf.Tensor,
  input: tf.Tensor,
  curvature: tf.Tensor,
): tf.Tensor {
  const slope = tf.grad((x: tf.Tensor) => tf.sum(apply(x)))(input);
  return tf.mul(tf.square(slope), curvature);
}

/** Backs the curvature through one weighted layer, adding `sum x_j^2 d2E/da_i^2` to each weight's total. */
function throughWeighted(
  layer: tf.layers.Layer,
  input: tf.Tensor,
  curvature: tf.Tensor,
  totals: Map<string, tf.Tensor>,
): tf.Tensor {
  const { linear, activation } = linearPart(layer, input);
  const weights = layer.getWeights();
  try {
    const preActivation = linear.apply(input) as tf.Tensor;
    const atUnits = throughElementwise(
      (x) => applyActivation(activation, x),
      preActivation,
      curvature,
    );
    const variables = linear.trainableWeights.map((weight) => registeredVariable(weight.name));
    const { grads } = tf.variableGrads(
      () => tf.sum(tf.mul(linear.apply(tf.square(input)) as tf.Tensor, atUnits)),
      variables,
    );
    layer.trainableWeights.forEach((weight, index) => {
      const gradient = grads[variables[index]!.name]!;
      const total = totals.get(weight.name);
      totals.set(weight.name, tf.keep(total === undefined ? gradient : tf.add(total, gradient)));
      if (total !== undefined) total.dispose();
    });
    linear.setWeights(weights.map((weight) => tf.square(weight)));
    return tf.grad((x: tf.Tensor) => tf.sum(tf.mul(linear.apply(x) as tf.Tensor, atUnits)))(input);
  } finally {
    linear.dispose();
  }
}

/** The layers from the input to the one before the RBF output, checked to form one chain. */
function chainBeforeOutput(model: tf.LayersModel): tf.layers.Layer[] {
  const layers = model.layers.filter((layer) => layer.getClassName() !== 'InputLayer').slice(0, -1);
  layers.forEach((layer, index) => {
    const previous = layers[index - 1];
    const supported =
      ELEMENTWISE_LAYERS.has(layer.getClassName()) ||
      REARRANGING_LAYERS.has(layer.getClassName()) ||
      WEIGHTED_LAYERS.has(layer.getClassName());
    if (!supported) {
      throw new SdlmError(
        layer.name,
        `the layerwise method does not handle ${layer.getClassName()} layers; it handles ${[...WEIGHTED_LAYERS, ...ELEMENTWISE_LAYERS, ...REARRANGING_LAYERS].join(', ')}. Use method 'exact' or 'random-sign'.`,
      );
    }
    if (layer.getClassName() === 'Activation') elementwiseActivation(layer);
    if (previous !== undefined && layer.input !== previous.output) {
      throw new SdlmError(
        layer.name,
        `the layerwise method needs one chain of layers, but ${layer.name} does not take ${previous.name}'s output. Use method 'exact' or 'random-sign'.`,
      );
    }
  });
  return layers;
}

/**
 * The paper's layer-by-layer Gauss-Newton recursion for a batch of patterns: starting from
 * `start(x)`, the criterion's d2E/dx^2 at each RBF input x (2 for the MLE criterion),
 * `d2E/da_k^2 = f'(a_k)^2 sum_i u_ik^2 d2E/da_i^2` back through every layer and
 * `d2E/dw_k^2 = sum x_j^2 d2E/da_i^2` over the connections that share w_k, summed over the
 * batch. One forward and one second-order backward pass for the whole batch.
 *
 * @param model - A chain of Dense, Conv2D, TrainableSubsampling2D, PartialConv2D,
 *   ScaledTanh, Activation, Flatten and Reshape layers ending in an RbfOutput.
 * @param inputs - A batch of patterns.
 * @param start - The criterion's second derivative in the RBF inputs, `[batch, n]` from `[batch, n]`.
 * @param totals - Running sums by weight name, updated in place (kept tensors).
 * @throws {@link SdlmError} for another layer type, an activation it cannot differentiate,
 *   or a model that is not one chain.
 * @see LeCun et al. 1998, Appendix C.
 */
export function addLayerwiseCurvature(
  model: tf.LayersModel,
  inputs: tf.Tensor,
  start: (rbfInputs: tf.Tensor) => tf.Tensor,
  totals: Map<string, tf.Tensor>,
): void {
  const layers = chainBeforeOutput(model);
  tf.tidy(() => {
    const activations = [inputs];
    for (const layer of layers)
      activations.push(layer.apply(activations[activations.length - 1]!) as tf.Tensor);
    let curvature = start(activations[activations.length - 1]!);
    for (let index = layers.length - 1; index >= 0; index -= 1) {
      const layer = layers[index]!;
      const input = activations[index]!;
      if (ELEMENTWISE_LAYERS.has(layer.getClassName())) {
        curvature = throughElementwise((x) => layer.apply(x) as tf.Tensor, input, curvature);
      } else if (REARRANGING_LAYERS.has(layer.getClassName())) {
        const output = curvature;
        curvature = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, output)))(
          input,
        );
      } else {
        curvature = throughWeighted(layer, input, curvature, totals);
      }
    }
  });
}
