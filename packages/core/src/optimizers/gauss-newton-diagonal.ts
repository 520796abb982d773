import * as tf from '@tensorflow/tfjs';
import { LayerArgumentError } from '../errors/layer-argument-error.js';
import { RbfOutput } from '../layers/rbf-output.js';
import { DEFAULT_MAP_CONSTANT } from '../losses/rbf-losses.js';
import { criterionInputCurvature, type SdlmCriterion } from './criterion-input-curvature.js';
import { addLayerwiseCurvature } from './layerwise-curvature.js';
import { registeredVariable } from './registered-variable.js';
import { SdlmError } from './sdlm-errors.js';

/**
 * How the Gauss-Newton diagonal is computed.
 * - `layerwise` (default): the paper's recursion `d2E/da_k^2 = f'(a_k)^2 sum_i u_ik^2 d2E/da_i^2`,
 *   `d2E/dw_k^2 = sum x_j^2 d2E/da_i^2` over the connections sharing w_k, one forward and one
 *   backward pass per 100 patterns. It drops cross terms (between units, and between the
 *   positions of a shared weight), so it equals the exact diagonal only where there are none
 *   (LeNet-5's C5 and F6) and is smaller elsewhere. Chains of Dense, Conv2D,
 *   TrainableSubsampling2D, PartialConv2D, ScaledTanh, Activation, Flatten, Reshape layers.
 * - `exact`: one backward pass per RBF input unit (84 for LeNet-5) and pattern, exact.
 * - `random-sign`: one backward pass per pattern of a random +-1 combination of the RBF
 *   inputs; its squared gradient is an unbiased estimate of the exact diagonal, noisier.
 */
export type CurvatureMethod = 'exact' | 'random-sign' | 'layerwise';

/** Options of {@link gaussNewtonDiagonal}. */
export interface GaussNewtonOptions {
  /** How many patterns, taken from the start of `inputs`, to average over. Default 500 (the paper's). */
  patterns?: number;
  /** Default `layerwise` (the paper's). */
  method?: CurvatureMethod;
  /** Seed of the random signs (method `random-sign`). Default 1. */
  seed?: number;
  /**
   * The criterion trained with: `mle` (default) or `map`, whose second derivative in the RBF
   * inputs starts the recursion (see {@link criterionInputCurvature}). `map` needs the
   * `layerwise` method and fixed codes.
   */
  criterion?: SdlmCriterion;
  /** The MAP criterion's j. Default {@link DEFAULT_MAP_CONSTANT} (10), as `rbfMapLoss`'s. */
  mapConstant?: number;
}

/** The MLE criterion's second derivative with respect to each RBF input: d2/dx^2 (x - w)^2 = 2. */
const OUTPUT_SECOND_DERIVATIVE = 2;

/** Patterns per forward and backward pass of the layerwise method. */
const LAYERWISE_BATCH = 100;

function checkPatterns(patterns: number, available: number): void {
  if (!Number.isInteger(patterns) || patterns < 1 || patterns > available) {
    throw new LayerArgumentError(
      'gaussNewtonDiagonal',
      'patterns',
      `an integer in [1, ${available}] (the patterns given)`,
      String(patterns),
    );
  }
}

/** Splits a model whose last layer is {@link RbfOutput} into the network before it and the RBF layer. */
function splitAtRbfOutput(model: tf.LayersModel): { features: tf.LayersModel; rbf: RbfOutput } {
  const rbf = model.layers[model.layers.length - 1];
  if (!(rbf instanceof RbfOutput)) {
    throw new SdlmError(
      model.name,
      `the model's last layer must be an RbfOutput (the MLE criterion's Gauss-Newton split), got ${rbf?.getClassName() ?? 'no layer'}. Train models with a dense or softmax head with another optimiser.`,
    );
  }
  const features = tf.model({ inputs: model.inputs, outputs: rbf.input });
  return { features, rbf };
}

/** Sum over projections of the squared gradient of `projection . features(pattern)`, per variable. */
function patternSquares(
  features: tf.LayersModel,
  variables: tf.Variable[],
  pattern: tf.Tensor,
  projections: tf.Tensor2D,
): tf.Tensor[] {
  return tf.tidy(() => {
    let sums = variables.map((variable) => tf.zerosLike(variable) as tf.Tensor);
    for (const projection of tf.unstack(projections)) {
      const { grads } = tf.variableGrads(
        () => tf.sum(tf.mul(features.apply(pattern) as tf.Tensor, projection)),
        variables,
      );
      sums = sums.map((sum, index) => tf.add(sum, tf.square(grads[variables[index]!.name]!)));
    }
    return sums;
  });
}

/** Per weight, the sum over patterns and projections of the squared gradient of `projection . x`. */
function projectedTotals(
  features: tf.LayersModel,
  inputs: tf.Tensor,
  patterns: number,
  options: GaussNewtonOptions,
): Map<string, tf.Tensor> {
  const variables = features.trainableWeights.map((weight) => registeredVariable(weight.name));
  const units = features.outputs[0]?.shape[1] ?? 0;
  let totals = variables.map((variable) => tf.zerosLike(variable) as tf.Tensor);
  for (let index = 0; index < patterns; index += 1) {
    const squares = tf.tidy(() => {
      const pattern = tf.slice(inputs, index, 1);
      const projections =
        options.method === 'random-sign'
          ? (tf
              .sub(tf.mul(tf.randomUniformInt([1, units], 0, 2, (options.seed ?? 1) + index), 2), 1)
              .toFloat() as tf.Tensor2D)
          : tf.eye(units);
      return patternSquares(features, variables, pattern, projections);
    });
    const next = totals.map((total, slot) => tf.add(total, squares[slot]!));
    tf.dispose([...totals, ...squares]);
    totals = next;
  }
  return new Map(variables.map((variable, slot) => [variable.name, totals[slot]!]));
}

/** Per weight, the paper's recursion summed over the patterns, in batches of {@link LAYERWISE_BATCH}. */
function layerwiseTotals(
  model: tf.LayersModel,
  inputs: tf.Tensor,
  patterns: number,
  start: (rbfInputs: tf.Tensor) => tf.Tensor,
): Map<string, tf.Tensor> {
  const totals = new Map<string, tf.Tensor>();
  for (let first = 0; first < patterns; first += LAYERWISE_BATCH) {
    const batch = tf.slice(inputs, first, Math.min(LAYERWISE_BATCH, patterns - first));
    addLayerwiseCurvature(model, batch, start, totals);
    batch.dispose();
  }
  return totals;
}

function checkCriterion(
  rbf: RbfOutput,
  options: GaussNewtonOptions,
  layerwise: boolean,
): SdlmCriterion {
  const criterion = options.criterion ?? 'mle';
  if (criterion !== 'map') return criterion;
  if (!layerwise)
    throw new SdlmError(
      rbf.name,
      `the MAP criterion's curvature is computed by the layerwise method only, not by '${String(options.method)}'. Use method 'layerwise' or the MLE criterion.`,
    );
  if (rbf.trainableWeights.length > 0)
    throw new SdlmError(
      rbf.name,
      "the MAP criterion's curvature needs fixed RBF codes. Build the RbfOutput with trainableCodes false or train with the MLE criterion.",
    );
  return criterion;
}

/**
 * The Gauss-Newton diagonal `h_kk` of the paper's MLE criterion `E = sum_j (x_j - w_Dj)^2`
 * (or, with `criterion: 'map'`, of its MAP criterion) for every trainable weight of a model
 * ending in {@link RbfOutput}, averaged over patterns.
 *
 * With x the RBF layer's input, the criterion's Hessian in x is 2I, so per pattern the
 * Gauss-Newton diagonal is `h_kk = 2 sum_j (dx_j / dw_k)^2`, the diagonal of `J^T H J`.
 * Method `exact` computes it with one tfjs gradient per RBF input unit, so it handles every
 * layer type and matches a finite-difference Gauss-Newton diagonal. The default, `layerwise`,
 * back-propagates the paper's diagonal approximation instead, about 70x faster on LeNet-5.
 * Trainable RBF codes get their exact value, 2 times the share of patterns of the code's class.
 *
 * @param model - A model whose last layer is an {@link RbfOutput}.
 * @param inputs - Patterns `[batch, height, width, channels]` (or the model's input layout), a random sample.
 * @param labels - One-hot labels `[batch, classes]`.
 * @param options - See {@link GaussNewtonOptions}.
 * @returns Variable name to `h_kk` (the variable's shape). The caller disposes the tensors.
 * @throws {@link SdlmError} when the last layer is not an RbfOutput, or for `map` with
 *   another method than `layerwise` or with trainable codes.
 * @throws {@link LayerArgumentError} when `patterns` exceeds the patterns given.
 * @see LeCun et al. 1998, Section III.A and Appendix C (stochastic diagonal Levenberg-Marquardt).
 */
export function gaussNewtonDiagonal(
  model: tf.LayersModel,
  inputs: tf.Tensor,
  labels: tf.Tensor,
  options: GaussNewtonOptions = {},
): Map<string, tf.Tensor> {
  const patterns = options.patterns ?? Math.min(500, inputs.shape[0]);
  checkPatterns(patterns, inputs.shape[0]);
  const { features, rbf } = splitAtRbfOutput(model);
  const layerwise = options.method === undefined || options.method === 'layerwise';
  const criterion = checkCriterion(rbf, options, layerwise);
  const codes = rbf.weights[0]?.read();
  const mapConstant = options.mapConstant ?? DEFAULT_MAP_CONSTANT;
  const totals = layerwise
    ? layerwiseTotals(model, inputs, patterns, (rbfInputs) =>
        criterionInputCurvature(
          criterion,
          rbfInputs,
          codes ?? tf.zeros([rbfInputs.shape[1] ?? 0, 0]),
          mapConstant,
        ),
      )
    : projectedTotals(features, inputs, patterns, options);
  // The projections measure sum_j (dx_j/dw)^2; the MLE criterion weighs each by its 2.
  const scale = (layerwise ? 1 : OUTPUT_SECOND_DERIVATIVE) / patterns;
  const diagonal = new Map<string, tf.Tensor>();
  for (const { name } of features.trainableWeights) {
    const total = totals.get(name);
    if (total !== undefined)
      diagonal.set(
        name,
        tf.tidy(() => tf.mul(total, scale)),
      );
  }
  tf.dispose([...totals.values()]);
  for (const weight of rbf.trainableWeights) {
    const codes = weight.read();
    diagonal.set(
      weight.name,
      tf.tidy(() =>
        tf.mul(
          tf.onesLike(codes),
          tf.mul(tf.mean(tf.slice(labels, 0, patterns), 0), OUTPUT_SECOND_DERIVATIVE),
        ),
      ),
    );
  }
  return diagonal;
}
