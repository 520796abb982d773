import * as tf from '@tensorflow/tfjs';
import { LayerArgumentError } from '../errors/layer-argument-error.js';
import { PAPER_ETA_SCHEDULE, SDLM_MU, etaForPass } from './eta-schedule.js';
import type { EtaStage } from './eta-schedule.js';
import { gaussNewtonDiagonal } from './gauss-newton-diagonal.js';
import type { GaussNewtonOptions } from './gauss-newton-diagonal.js';
import { registeredVariable } from './registered-variable.js';
import { SdlmError } from './sdlm-errors.js';
import { curvatureByLayer, type LayerCurvature } from './curvature-summary.js';
import type { DiagonalStep, FlatSegment } from './diagonal-step.js';

/** A named tensor as tfjs optimisers exchange them (tfjs does not export the type). */
type NamedTensor = Parameters<tf.Optimizer['setWeights']>[0][number];

/** Options of {@link createSdlm}. */
export interface SdlmOptions {
  /** The safety constant in `eta / (mu + h_kk)`. Default {@link SDLM_MU} (0.02). */
  mu?: number;
  /** The eta schedule that {@link SdlmOptimizer.setPass} reads. Default {@link PAPER_ETA_SCHEDULE}. */
  schedule?: readonly EtaStage[];
  /**
   * Patterns per update. tfjs hands the optimiser the batch-mean gradient; the step is
   * multiplied by this so that one mini-batch update moves as far as that many per-pattern
   * updates would. Default 1: the paper's one update per pattern.
   */
  batchSize?: number;
}

/** What {@link SdlmOptimizer.estimateCurvature} measured. */
export interface CurvatureSummary {
  /** Patterns averaged over. */
  patterns: number;
  /** Trainable weights estimated (scalars, over all variables). */
  weights: number;
  /** Smallest and largest `h_kk`. */
  smallest: number;
  largest: number;
  /** The global rate eta and the constant mu the step sizes were computed with. */
  eta: number;
  mu: number;
  /** Per layer, the spread of h_kk and of the effective learning rates `batchSize * eta / (mu + h_kk)`. */
  layers: LayerCurvature[];
}

function checkPositive(argument: string, value: number, allowZero: boolean): void {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new LayerArgumentError(
      'createSdlm',
      argument,
      allowZero ? 'a finite number >= 0' : 'a finite number > 0',
      String(value),
    );
  }
}

/**
 * The paper's stochastic diagonal Levenberg-Marquardt optimiser as a `tf.Optimizer`: each
 * weight moves by `-eps_k dE/dw_k` with `eps_k = eta / (mu + h_kk)`, h_kk the Gauss-Newton
 * diagonal from {@link SdlmOptimizer.estimateCurvature}. Create it with {@link createSdlm}.
 * Registered for serialisation as `SdlmOptimizer` (mu, eta and batch size; the curvature is
 * in its weights).
 *
 * @see LeCun et al. 1998, Section III.A and Appendix C.
 */
export class SdlmOptimizer extends tf.Optimizer implements DiagonalStep {
  /** The name under which the class is registered for serialisation. */
  static className = 'SdlmOptimizer';
  /** The safety constant mu. */
  readonly mu: number;
  /** The eta schedule of {@link SdlmOptimizer.setPass}. */
  readonly schedule: readonly EtaStage[];
  /** Patterns per update (the step multiplier). */
  readonly batchSize: number;
  private eta: number;
  private readonly curvature = new Map<string, tf.Tensor>();
  /** The step sizes of {@link SdlmOptimizer.diagonalStepSizes}, for one layout, until eta or the curvature change. */
  private flatSteps:
    { readonly layout: readonly FlatSegment[]; readonly steps: Float32Array } | undefined;

  /** @param options - See {@link SdlmOptions}. */
  constructor(options: SdlmOptions = {}) {
    super();
    this.mu = options.mu ?? SDLM_MU;
    this.schedule = options.schedule ?? PAPER_ETA_SCHEDULE;
    this.batchSize = options.batchSize ?? 1;
    checkPositive('mu', this.mu, true);
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) {
      throw new LayerArgumentError(
        'createSdlm',
        'batchSize',
        'an integer >= 1',
        String(this.batchSize),
      );
    }
    this.eta = etaForPass(1, this.schedule);
  }

  /** The current global learning rate eta. */
  get learningRate(): number {
    return this.eta;
  }

  /**
   * Sets eta directly.
   *
   * @param eta - A finite number > 0.
   * @throws {@link LayerArgumentError} otherwise.
   */
  setLearningRate(eta: number): void {
    checkPositive('eta', eta, false);
    this.changeEta(eta);
  }

  /**
   * Sets eta to the schedule's rate for a pass.
   *
   * @param pass - The pass, counted from 1.
   * @throws {@link LayerArgumentError} for a pass that is not an integer >= 1.
   */
  setPass(pass: number): void {
    this.changeEta(etaForPass(pass, this.schedule));
  }

  private changeEta(eta: number): void {
    if (eta === this.eta) return;
    this.eta = eta;
    this.flatSteps = undefined;
  }

  /**
   * Estimates h_kk for every trainable weight of the model (the paper does this on 500
   * patterns before each pass) and keeps it for the following updates.
   *
   * @param model - A model whose last layer is an RbfOutput, trained with the MLE criterion (or MAP: pass `criterion: 'map'`).
   * @param inputs - A random sample of patterns `[batch, height, width, channels]`.
   * @param labels - Their one-hot labels `[batch, classes]`.
   * @param options - Patterns (default 500), method (default `layerwise`, the paper's). See {@link GaussNewtonOptions}.
   * @returns The range of the estimate, and per layer the spread of h_kk and of the step sizes
   *   at the current eta.
   * @throws {@link SdlmError} for a model that does not end in an RbfOutput.
   */
  estimateCurvature(
    model: tf.LayersModel,
    inputs: tf.Tensor,
    labels: tf.Tensor,
    options: GaussNewtonOptions = {},
  ): CurvatureSummary {
    const diagonal = gaussNewtonDiagonal(model, inputs, labels, options);
    this.disposeCurvature();
    const values = new Map<string, Float32Array>();
    for (const [name, estimate] of diagonal) {
      this.curvature.set(name, tf.keep(estimate));
      values.set(name, estimate.dataSync() as Float32Array);
    }
    const layers = curvatureByLayer(
      values,
      (curvature) => (this.eta * this.batchSize) / (this.mu + curvature),
    );
    return {
      patterns: options.patterns ?? Math.min(500, inputs.shape[0]),
      weights: layers.reduce((sum, layer) => sum + layer.weights, 0),
      smallest: Math.min(...layers.map((layer) => layer.curvature.min)),
      largest: Math.max(...layers.map((layer) => layer.curvature.max)),
      eta: this.eta,
      mu: this.mu,
      layers,
    };
  }

  /**
   * The step size of every estimated weight, `batchSize * eta / (mu + h_kk)`.
   *
   * @returns Variable name to step sizes (the variable's shape). The caller disposes them.
   */
  stepSizes(): Map<string, tf.Tensor> {
    const steps = new Map<string, tf.Tensor>();
    for (const [name, values] of this.curvature) steps.set(name, this.stepSize(values));
    return steps;
  }

  private stepSize(curvature: tf.Tensor): tf.Tensor {
    return tf.tidy(() => tf.div(this.eta * this.batchSize, tf.add(curvature, this.mu)));
  }

  /**
   * Moves each variable by `-eps_k * gradient`.
   *
   * @param variableGradients - Gradients by variable name, as `minimize()` and `fit()` pass them.
   * @throws {@link SdlmError} for a variable without a curvature estimate.
   */
  override applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const entries = Array.isArray(variableGradients)
      ? variableGradients.map(({ name, tensor }) => [name, tensor] as const)
      : Object.entries(variableGradients);
    for (const [name, gradient] of entries) {
      const curvature = this.curvature.get(name);
      if (curvature === undefined) {
        throw new SdlmError(
          name,
          `no curvature estimate for weight "${name}". Call estimateCurvature(model, inputs, labels) with the model being trained before the first update.`,
        );
      }
      const variable = registeredVariable(name);
      tf.tidy(() => {
        variable.assign(tf.sub(variable, tf.mul(this.stepSize(curvature), gradient)));
      });
    }
    this.incrementIterations();
  }

  /**
   * The step size `batchSize * eta / (mu + h_kk)` of every weight, in float32 as
   * {@link SdlmOptimizer.applyGradients} computes it, laid out as `layout` says: a trainer that
   * steps `w - s * g` itself moves the weights exactly as `applyGradients` does. Computed once per
   * eta and curvature estimate; the same array until then.
   *
   * @param layout - Which variable each stretch of the vector is.
   * @throws {@link SdlmError} for a variable without a curvature estimate, or a size that is not the estimate's.
   */
  diagonalStepSizes(layout: readonly FlatSegment[]): Float32Array {
    const cached = this.flatSteps;
    if (cached !== undefined && sameLayout(cached.layout, layout)) return cached.steps;
    const steps = new Float32Array(layout.reduce((sum, segment) => sum + segment.size, 0));
    const numerator = Math.fround(this.eta * this.batchSize);
    const mu = Math.fround(this.mu);
    let offset = 0;
    for (const { name, size } of layout) {
      const curvature = this.curvature.get(name);
      if (curvature === undefined) {
        throw new SdlmError(
          name,
          `no curvature estimate for weight "${name}". Call estimateCurvature(model, inputs, labels) with the model being trained before the first update.`,
        );
      }
      const values = curvature.dataSync();
      if (values.length !== size)
        throw new SdlmError(
          name,
          `the layout gives weight "${name}" ${String(size)} values, its curvature estimate has ${String(values.length)}. Pass the layout of the model being trained.`,
        );
      for (let index = 0; index < size; index += 1)
        steps[offset + index] = numerator / Math.fround((values[index] as number) + mu);
      offset += size;
    }
    this.flatSteps = { layout: layout.map((segment) => ({ ...segment })), steps };
    return steps;
  }

  /** Counts `count` updates that a trainer made with {@link SdlmOptimizer.diagonalStepSizes}. */
  countUpdates(count: number): void {
    for (let update = 0; update < count; update += 1) this.incrementIterations();
  }

  /** Frees the curvature estimate. */
  override dispose(): void {
    this.disposeCurvature();
  }

  private disposeCurvature(): void {
    tf.dispose([...this.curvature.values()]);
    this.curvature.clear();
    this.flatSteps = undefined;
  }

  /** The iteration count and the curvature estimate, for saving. */
  override async getWeights(): Promise<NamedTensor[]> {
    const curvature = [...this.curvature].map(([name, tensor]) => ({ name, tensor }));
    return [await this.saveIterations(), ...curvature];
  }

  /** Restores what {@link SdlmOptimizer.getWeights} returned. */
  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const curvature = await this.extractIterations(weightValues);
    this.disposeCurvature();
    for (const { name, tensor } of curvature) this.curvature.set(name, tf.keep(tensor.clone()));
  }

  /** mu, eta, batch size and schedule, for serialisation. */
  override getConfig(): tf.serialization.ConfigDict {
    return {
      mu: this.mu,
      learningRate: this.eta,
      batchSize: this.batchSize,
      schedule: this.schedule.map((stage) => ({ ...stage })),
    };
  }

  /** Rebuilds an optimiser from {@link SdlmOptimizer.getConfig}. */
  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    const optimizer = new cls({
      mu: config.mu,
      schedule: config.schedule,
      batchSize: config.batchSize,
    });
    (optimizer as unknown as SdlmOptimizer).setLearningRate(config.learningRate as number);
    return optimizer;
  }
}
tf.serialization.registerClass(SdlmOptimizer);

function sameLayout(first: readonly FlatSegment[], second: readonly FlatSegment[]): boolean {
  return (
    first.length === second.length &&
    first.every((segment, index) => {
      const other = second[index];
      return other !== undefined && segment.name === other.name && segment.size === other.size;
    })
  );
}

/**
 * Creates the paper's SDLM optimiser. Before each pass: `setPass(pass)` then
 * `estimateCurvature(model, sample, labels)` on 500 random patterns; then train with one
 * update per pattern (`model.fit(x, y, { batchSize: 1 })` or `optimizer.minimize`).
 *
 * @param options - mu (default 0.02), schedule (default {@link PAPER_ETA_SCHEDULE}),
 *   batchSize (default 1). See {@link SdlmOptions}.
 * @returns An optimiser starting at pass 1's eta.
 * @throws {@link LayerArgumentError} for a negative mu or a batch size below 1.
 * @example
 * ```ts
 * const sdlm = createSdlm();
 * model.compile({ optimizer: sdlm, loss: rbfMleLoss });
 * for (let pass = 1; pass <= 20; pass += 1) {
 *   sdlm.setPass(pass);
 *   sdlm.estimateCurvature(model, sample.images, sample.labels);
 *   await model.fit(images, labels, { batchSize: 1, epochs: 1 });
 * }
 * ```
 * @see LeCun et al. 1998, Section III.A and Appendix C.
 */
export function createSdlm(options: SdlmOptions = {}): SdlmOptimizer {
  return new SdlmOptimizer(options);
}
