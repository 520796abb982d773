import type * as tf from '@tensorflow/tfjs';
import { createLenetEngine, engineSupport, type LenetEngine } from '@lenet/core';
import { applyFlatGradients } from './apply-flat-gradients.js';
import type { TrainingBatch } from './batch-gradients.js';
import { flatGradients } from './flat-gradients.js';
import { holdWeights, type HeldWeights } from './held-weights.js';
import { createStepGuard, type StepGuard } from './step-guard.js';
import type { TrainingCriterion } from './training-criterion.js';

/** What one optimisation step reports. */
export interface StepResult {
  /** The batch's mean loss before the update. */
  readonly loss: number;
  /** How many of the batch's images the model classified correctly before the update. */
  readonly correct: number;
}

/** Options of {@link createTrainer}. */
export interface TrainerOptions {
  /** The loss to train with. */
  readonly criterion: TrainingCriterion;
  /**
   * How gradients are computed: `lenet` runs the LeNet engine's WebAssembly SIMD kernels
   * (`createLenetEngine` of @lenet/core) where the model is supported, `tfjs` always uses tfjs's
   * automatic differentiation on the active backend. Default `lenet`.
   */
  readonly kernels?: 'lenet' | 'tfjs';
}

/** Trains one model a batch at a time; see {@link createTrainer}. */
export interface Trainer {
  /** What computes the gradients: the LeNet engine, or tfjs on its active backend. */
  readonly kernels: 'lenet' | 'tfjs';
  /** When `lenet` kernels were asked for but the model needs tfjs: why (which layer). */
  readonly fallbackReason?: string;
  /**
   * One step on `batch`: its gradient, then one `optimizer` update of the model. With the LeNet
   * engine and an optimiser whose update the engine knows -- SDLM (any `DiagonalStep` of
   * @lenet/core), and exactly tfjs's `SGDOptimizer`, `MomentumOptimizer`, `AdamOptimizer` and
   * `ResumableAdam` -- the engine makes the update on the weights and optimiser state it
   * holds, bit for bit as `optimizer.applyGradients` would, without a tfjs operation; the model's
   * and the optimiser's variables receive them at {@link Trainer.flush}: call it before reading,
   * saving or evaluating the model or saving the optimiser. Any other optimiser updates the
   * model through tfjs.
   *
   * @throws {@link NonFiniteTrainingError} before any update when the batch's loss or a value of
   *   its gradient is NaN or infinite, or (checked at the first step with `optimizer`) a value
   *   of the optimiser's state: the weights and the optimiser stay as they were.
   */
  step(optimizer: tf.Optimizer, batch: TrainingBatch): Promise<StepResult>;
  /** Writes the weights that steps updated outside tfjs into the model (nothing to do when there are none). */
  flush(): void;
  /** Writes back what {@link Trainer.flush} would, then releases what the trainer holds. It cannot step afterwards. */
  dispose(): Promise<void>;
}

/**
 * Training steps for `model` in the calling thread, in Node and in browsers: gradients from
 * the LeNet engine (WebAssembly SIMD, no tfjs overhead) whenever it runs the model, else from
 * tfjs (and `fallbackReason` says which layer needed it), applied by any tfjs optimiser. In Node,
 * `createDataParallelTrainer` also splits each batch across worker threads.
 *
 * @param model - The model to train.
 * @param options - The criterion and the kernels.
 * @example
 * ```ts
 * const trainer = await createTrainer(lenet5({ seed: 1 }), { criterion: 'map' });
 * const { loss, correct } = await trainer.step(tf.train.adam(0.002), { pixels, size: 32, labels });
 * ```
 */
export async function createTrainer(
  model: tf.LayersModel,
  options: TrainerOptions,
): Promise<Trainer> {
  return trainerFrom(model, await gradientSource(model, options.kernels), options.criterion);
}

/** Where a trainer's gradients come from: the LeNet engine, or tfjs (and why, when the engine was asked for). */
export interface GradientSource {
  readonly engine: LenetEngine | undefined;
  readonly fallbackReason?: string;
}

/** The LeNet engine for `model` unless `kernels` is `tfjs` or the engine cannot run the model. */
export async function gradientSource(
  model: tf.LayersModel,
  kernels: TrainerOptions['kernels'],
): Promise<GradientSource> {
  if (kernels === 'tfjs') return { engine: undefined };
  const fallbackReason = engineSupport(model);
  return fallbackReason === undefined
    ? { engine: await createLenetEngine(model) }
    : { engine: undefined, fallbackReason };
}

/**
 * A {@link Trainer} whose gradients come from `source`; `held`, the engine's hold on the weights,
 * and `guard`, which refuses steps that are not finite (both made here by default).
 */
export function trainerFrom(
  model: tf.LayersModel,
  source: GradientSource,
  criterion: TrainingCriterion,
  held: HeldWeights | undefined = source.engine === undefined
    ? undefined
    : holdWeights(model, source.engine),
  guard: StepGuard = createStepGuard(model),
): Trainer {
  const { engine } = source;
  return {
    kernels: engine === undefined ? 'tfjs' : 'lenet',
    ...(source.fallbackReason === undefined ? {} : { fallbackReason: source.fallbackReason }),
    step: async (optimizer, batch) => {
      await guard.checkOptimizer(optimizer);
      const hold = held?.holdFor(optimizer);
      if (hold === undefined) held?.flush();
      const { loss, correct, gradients } =
        hold === undefined
          ? flatGradients(model, engine, criterion, batch)
          : hold.gradients(batch, criterion);
      guard.checkStep(loss, [gradients]);
      if (hold === undefined) applyFlatGradients(model, optimizer, gradients);
      else hold.apply(gradients);
      return { loss, correct };
    },
    flush: () => {
      held?.flush();
    },
    dispose: () => {
      held?.flush();
      return Promise.resolve();
    },
  };
}
