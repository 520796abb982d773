import type * as tf from '@tensorflow/tfjs';
import { SCALED_TANH_AMPLITUDE, SCALED_TANH_SLOPE } from '../activations/scaled-tanh-function.js';
import {
  ACTIVATION_LINEAR,
  ACTIVATION_RELU,
  ACTIVATION_SCALED_TANH,
  ACTIVATION_TANH,
  MAX_LINKS_PER_INPUT,
  WEIGHT_GRADIENT_MAP_BLOCK,
} from './kernel-constants.js';

/** Activation codes shared with the WebAssembly kernels (kernel-constants.ts, read by assembly/activations.ts). */
export const ENGINE_ACTIVATIONS = {
  linear: ACTIVATION_LINEAR,
  scaledTanh: ACTIVATION_SCALED_TANH,
  tanh: ACTIVATION_TANH,
  relu: ACTIVATION_RELU,
} as const;

/** A planar stack of maps, or a vector (`height` = `width` = 1). */
export interface MapShape {
  readonly maps: number;
  readonly height: number;
  readonly width: number;
}

/** One step of a network as the engine runs it; weight positions index the flat trainable vector. */
export type PlanStep =
  | {
      readonly kind: 'convolution';
      readonly input: MapShape;
      readonly output: MapShape;
      readonly links: Int32Array;
      readonly linksByInput: Int32Array;
      readonly tapStride: number;
      readonly weight: number;
      readonly bias: number;
      readonly firstLayer: boolean;
    }
  | {
      readonly kind: 'activation';
      readonly input: MapShape;
      readonly output: MapShape;
      readonly activation: number;
    }
  | {
      readonly kind: 'subsampling';
      readonly input: MapShape;
      readonly output: MapShape;
      readonly coefficient: number;
      readonly bias: number;
    }
  | {
      readonly kind: 'average-pool' | 'max-pool';
      readonly input: MapShape;
      readonly output: MapShape;
    }
  | { readonly kind: 'interleave'; readonly input: MapShape; readonly output: MapShape }
  | {
      readonly kind: 'dense';
      readonly input: MapShape;
      readonly output: MapShape;
      readonly weight: number;
      readonly bias: number;
      readonly firstLayer: boolean;
    }
  | {
      readonly kind: 'rbf';
      readonly input: MapShape;
      readonly output: MapShape;
      readonly codes: Float32Array;
    };

/** A model the engine can train: its input side, steps and output kind. */
export interface NetworkPlan {
  readonly inputSize: number;
  readonly steps: readonly PlanStep[];
  readonly output: 'rbf' | 'logits';
  /** The output width: one output (RBF distance or logit) per class, at least 2. */
  readonly classes: number;
  /** The size of the flat trainable vector (`model.trainableWeights` concatenated). */
  readonly parameters: number;
}

/**
 * Whether a convolution's weight gradient runs as a matrix product vectorised over output maps
 * (assembly/convolution-products.ts): every input map feeds every output map and the output
 * maps come in whole groups of {@link WEIGHT_GRADIENT_MAP_BLOCK} (16).
 */
export function weightGradientAsProduct(step: PlanStep & { kind: 'convolution' }): boolean {
  const { input, output } = step;
  return (
    step.links.length === 3 * input.maps * output.maps &&
    step.tapStride === input.maps * output.maps &&
    output.maps % WEIGHT_GRADIENT_MAP_BLOCK === 0
  );
}

/** Why a model cannot run on the engine. */
export class UnsupportedNetwork extends Error {}

type Config = Record<string, unknown>;

/** The values in a stack of maps. */
export const mapElements = (shape: MapShape): number => shape.maps * shape.height * shape.width;
const vector = (length: number): MapShape => ({ maps: length, height: 1, width: 1 });

function sameNumbers(value: unknown, expected: readonly number[]): boolean {
  const list = Array.isArray(value) ? value : [value, value];
  return list.length === expected.length && list.every((item, index) => item === expected[index]);
}

function activationCode(owner: string, name: unknown): number {
  const code = (ENGINE_ACTIVATIONS as Record<string, number>)[String(name)];
  if (code === undefined) throw new UnsupportedNetwork(`${owner}: activation ${String(name)}`);
  return code;
}

interface PlanState {
  shape: MapShape;
  steps: PlanStep[];
  firstLayer: boolean;
}

function pushActivation(state: PlanState, owner: string, name: unknown): void {
  const activation = activationCode(owner, name ?? 'linear');
  if (activation !== ENGINE_ACTIVATIONS.linear)
    state.steps.push({ kind: 'activation', input: state.shape, output: state.shape, activation });
}

function denseLinks(inputs: number, outputs: number): Int32Array {
  const links = new Int32Array(inputs * outputs * 3);
  let index = 0;
  for (let output = 0; output < outputs; output += 1) {
    for (let input = 0; input < inputs; input += 1)
      links.set([input, output, input * outputs + output], 3 * index++);
  }
  return links;
}

/**
 * The same (input, output, weight offset) triplets grouped by input map, in a stable order: each
 * output map's links keep their order, so its terms are added in the same order either way.
 */
function groupByInput(links: Int32Array): Int32Array {
  const order = Array.from({ length: links.length / 3 }, (_, link) => link).sort(
    (a, b) => (links[3 * a] ?? 0) - (links[3 * b] ?? 0) || a - b,
  );
  const grouped = new Int32Array(links.length);
  order.forEach((link, index) => {
    grouped.set(links.subarray(3 * link, 3 * link + 3), 3 * index);
  });
  return grouped;
}

function planConvolution(
  state: PlanState,
  owner: string,
  links: Int32Array,
  tapStride: number,
  outputs: number,
  weight: number,
  bias: number,
): void {
  const input = state.shape;
  if (input.height < 5 || input.width < 5)
    throw new UnsupportedNetwork(`${owner}: maps smaller than the 5x5 kernel`);
  const perInput = new Map<number, number>();
  for (let link = 0; link < links.length; link += 3)
    perInput.set(links[link] ?? 0, (perInput.get(links[link] ?? 0) ?? 0) + 1);
  if (Math.max(0, ...perInput.values()) > MAX_LINKS_PER_INPUT)
    throw new UnsupportedNetwork(
      `${owner}: more than ${String(MAX_LINKS_PER_INPUT)} output maps fed by one input map`,
    );
  const output = { maps: outputs, height: input.height - 4, width: input.width - 4 };
  if (output.height === 1 && output.width === 1 && tapStride === input.maps * outputs) {
    // A full 5x5 convolution over 5x5 maps is a dense layer over tfjs's [height, width, maps] order.
    const flat = vector(mapElements(input));
    state.steps.push({ kind: 'interleave', input, output: flat });
    state.steps.push({
      kind: 'dense',
      input: flat,
      output: vector(outputs),
      weight,
      bias,
      firstLayer: state.firstLayer,
    });
  } else {
    state.steps.push({
      kind: 'convolution',
      input,
      output,
      links,
      linksByInput: groupByInput(links),
      tapStride,
      weight,
      bias,
      firstLayer: state.firstLayer,
    });
  }
  state.shape = output.height === 1 && output.width === 1 ? vector(outputs) : output;
}

function planLayer(
  layer: tf.layers.Layer,
  state: PlanState,
  offsetOf: (weight: tf.LayerVariable | undefined) => number,
): void {
  const config = layer.getConfig() as Config;
  const owner = `${layer.getClassName()} ${layer.name}`;
  const weights = layer.weights;
  switch (layer.getClassName()) {
    case 'InputLayer':
      return;
    case 'Conv2D': {
      if (
        !sameNumbers(config.kernelSize, [5, 5]) ||
        !sameNumbers(config.strides, [1, 1]) ||
        config.padding !== 'valid' ||
        !sameNumbers(config.dilationRate, [1, 1]) ||
        config.useBias !== true
      ) {
        throw new UnsupportedNetwork(`${owner}: only 5x5, stride 1, valid, biased convolutions`);
      }
      const outputs = Number(config.filters);
      planConvolution(
        state,
        owner,
        denseLinks(state.shape.maps, outputs),
        state.shape.maps * outputs,
        outputs,
        offsetOf(weights[0]),
        offsetOf(weights[1]),
      );
      pushActivation(state, owner, config.activation);
      break;
    }
    case 'PartialConv2D': {
      if (config.kernelSize !== 5) throw new UnsupportedNetwork(`${owner}: only 5x5 kernels`);
      const table = config.table as number[][];
      const outputs = table[0]?.length ?? 0;
      const links: number[] = [];
      for (let output = 0; output < outputs; output += 1) {
        table.forEach((row, input) => {
          if (row[output] === 1) links.push(input, output, links.length / 3);
        });
      }
      planConvolution(
        state,
        owner,
        Int32Array.from(links),
        links.length / 3,
        outputs,
        offsetOf(weights[0]),
        offsetOf(weights[1]),
      );
      pushActivation(state, owner, config.activation);
      break;
    }
    case 'TrainableSubsampling2D': {
      if (config.poolSize !== 2 || config.depthMultiplier !== 1)
        throw new UnsupportedNetwork(`${owner}: only 2x2 pools without depth multiplier`);
      const output = {
        ...state.shape,
        height: state.shape.height >> 1,
        width: state.shape.width >> 1,
      };
      state.steps.push({
        kind: 'subsampling',
        input: state.shape,
        output,
        coefficient: offsetOf(weights[0]),
        bias: offsetOf(weights[1]),
      });
      state.shape = output;
      pushActivation(state, owner, config.activation);
      break;
    }
    case 'AveragePooling2D':
    case 'MaxPooling2D': {
      if (
        !sameNumbers(config.poolSize, [2, 2]) ||
        !sameNumbers(config.strides, [2, 2]) ||
        config.padding !== 'valid'
      )
        throw new UnsupportedNetwork(`${owner}: only 2x2 pools of stride 2`);
      const output = {
        ...state.shape,
        height: state.shape.height >> 1,
        width: state.shape.width >> 1,
      };
      state.steps.push({
        kind: layer.getClassName() === 'MaxPooling2D' ? 'max-pool' : 'average-pool',
        input: state.shape,
        output,
      });
      state.shape = output;
      break;
    }
    case 'ScaledTanh':
      if (config.amplitude !== SCALED_TANH_AMPLITUDE || config.slope !== SCALED_TANH_SLOPE)
        throw new UnsupportedNetwork(`${owner}: only the paper's amplitude and slope`);
      pushActivation(state, owner, 'scaledTanh');
      return;
    case 'Activation':
      pushActivation(state, owner, config.activation);
      return;
    case 'Flatten': {
      const flat = vector(mapElements(state.shape));
      if (state.shape.height * state.shape.width > 1)
        state.steps.push({ kind: 'interleave', input: state.shape, output: flat });
      state.shape = flat;
      return;
    }
    case 'Dense': {
      if (config.useBias !== true)
        throw new UnsupportedNetwork(`${owner}: only biased dense layers`);
      const output = vector(Number(config.units));
      state.steps.push({
        kind: 'dense',
        input: vector(mapElements(state.shape)),
        output,
        weight: offsetOf(weights[0]),
        bias: offsetOf(weights[1]),
        firstLayer: state.firstLayer,
      });
      state.shape = output;
      pushActivation(state, owner, config.activation);
      break;
    }
    case 'RbfOutput': {
      if (config.trainableCodes !== false)
        throw new UnsupportedNetwork(`${owner}: only fixed codes`);
      const codes = weights[0]?.read().dataSync() as Float32Array;
      const output = vector(weights[0]?.shape[1] ?? 0);
      state.steps.push({
        kind: 'rbf',
        input: vector(mapElements(state.shape)),
        output,
        codes: Float32Array.from(codes),
      });
      state.shape = output;
      break;
    }
    default:
      throw new UnsupportedNetwork(`${owner}: no engine kernel for this layer`);
  }
  state.firstLayer = false;
}

/**
 * Translates a sequential LeNet-style model into engine steps, or throws
 * {@link UnsupportedNetwork} saying which layer the engine cannot run.
 */
export function planNetwork(model: tf.LayersModel): NetworkPlan {
  const [, height, width, channels] = model.inputs[0]?.shape ?? [];
  if (
    model.inputs.length !== 1 ||
    model.outputs.length !== 1 ||
    channels !== 1 ||
    height !== width ||
    typeof height !== 'number'
  ) {
    throw new UnsupportedNetwork(
      'only single-input, single-output models of square one-channel images',
    );
  }
  const offsets = new Map<tf.LayerVariable, number>();
  let parameters = 0;
  for (const weight of model.trainableWeights) {
    offsets.set(weight, parameters);
    parameters += weight.shape.reduce<number>((product, side) => product * (side ?? 1), 1);
  }
  const offsetOf = (weight: tf.LayerVariable | undefined): number => {
    const offset = weight === undefined ? undefined : offsets.get(weight);
    if (offset === undefined)
      throw new UnsupportedNetwork(`a frozen weight (${weight?.name ?? 'missing'})`);
    return offset;
  };
  const state: PlanState = {
    shape: { maps: 1, height, width: height },
    steps: [],
    firstLayer: true,
  };
  for (const layer of model.layers) {
    if (layer.inboundNodes.length > 1)
      throw new UnsupportedNetwork(`layer ${layer.name} is used more than once`);
    planLayer(layer, state, offsetOf);
  }
  const last = model.layers.at(-1)?.getClassName();
  const classes = state.shape.maps;
  if (state.shape.height * state.shape.width !== 1 || classes < 2)
    throw new UnsupportedNetwork(
      `only models whose output is a vector of at least 2 units, one per class (this one ends in ${String(state.shape.maps)}@${String(state.shape.height)}x${String(state.shape.width)})`,
    );
  return {
    inputSize: height,
    steps: poolBeforeRelu(state.steps),
    output: last === 'RbfOutput' ? 'rbf' : 'logits',
    classes,
    parameters,
  };
}

/**
 * The steps with every ReLU that a max-pooling follows moved after it: max(relu(x)) =
 * relu(max(x)), and the gradients agree too (a block whose values are all at most zero passes
 * none either way), while the ReLU then runs on a quarter of the values and the full-size
 * activations are never stored.
 */
function poolBeforeRelu(steps: readonly PlanStep[]): PlanStep[] {
  const reordered = [...steps];
  for (let index = 0; index + 1 < reordered.length; index += 1) {
    const relu = reordered[index];
    const pool = reordered[index + 1];
    if (
      relu?.kind !== 'activation' ||
      relu.activation !== ENGINE_ACTIVATIONS.relu ||
      pool?.kind !== 'max-pool'
    )
      continue;
    reordered[index] = { ...pool, input: relu.input };
    reordered[index + 1] = { ...relu, input: pool.output, output: pool.output };
  }
  return reordered;
}
