import type { LenetKernels } from './lenet-kernels.js';

/**
 * An optimiser update that the LeNet engine makes on the weights it holds, operation for
 * operation in float32 as the tfjs optimiser of the same name does, so that the weights move
 * bit for bit as `optimizer.applyGradients` would move them:
 * - `diagonal`: `w <- w - s * g` with the step sizes of `LenetEngine.setStepSizes` (SDLM);
 * - `sgd`: tfjs's `SGDOptimizer`, `w <- w - learningRate * g`;
 * - `momentum`: tfjs's `MomentumOptimizer` (Nesterov's or not), its accumulation in the
 *   engine's first state vector;
 * - `adam`: tfjs's `AdamOptimizer`, its moments in the engine's first and second state vectors;
 *   `accBeta1` and `accBeta2` are beta1^t and beta2^t for this update's t (the optimiser's
 *   `accBeta1` and `accBeta2` before the update);
 * - `adam-folded`: Adam with both bias corrections folded into one `stepSize`
 *   (`learningRate * sqrt(1 - beta2^t) / (1 - beta1^t)`, computed by the caller), as
 *   `ResumableAdam` of @lenet/models makes it: `w <- w - (m * stepSize) / (sqrt(v) + epsilon)`.
 * The state vectors are read and set with `LenetEngine.optimizerState` and
 * `LenetEngine.setOptimizerState`.
 */
export type EngineUpdate =
  | { readonly rule: 'diagonal' }
  | { readonly rule: 'sgd'; readonly learningRate: number }
  | {
      readonly rule: 'momentum';
      readonly learningRate: number;
      readonly momentum: number;
      readonly nesterov: boolean;
    }
  | {
      readonly rule: 'adam';
      readonly learningRate: number;
      readonly beta1: number;
      readonly beta2: number;
      readonly epsilon: number;
      readonly accBeta1: number;
      readonly accBeta2: number;
    }
  | {
      readonly rule: 'adam-folded';
      readonly stepSize: number;
      readonly beta1: number;
      readonly beta2: number;
      readonly epsilon: number;
    };

/** Where an update's vectors are in the kernels' memory (byte offsets), and their length. */
export interface UpdateBuffers {
  readonly count: number;
  readonly weights: number;
  readonly gradients: number;
  readonly stepSizes: number;
  readonly first: number;
  readonly second: number;
}

const f32 = Math.fround;

/** Makes `update` on the weights in `buffers` with the gradient there. */
export function runUpdate(
  kernels: LenetKernels,
  update: EngineUpdate,
  buffers: UpdateBuffers,
): void {
  const { count, weights, gradients, first, second } = buffers;
  switch (update.rule) {
    case 'diagonal':
      kernels.scaledDescent(count, weights, buffers.stepSizes, gradients);
      return;
    case 'sgd':
      kernels.momentumStep(count, weights, gradients, 0, f32(-update.learningRate), 0, 0);
      return;
    case 'momentum':
      kernels.momentumStep(
        count,
        weights,
        gradients,
        first,
        f32(-update.learningRate),
        f32(update.momentum),
        update.nesterov ? 1 : 0,
      );
      return;
    case 'adam':
      // tfjs computes 1 - beta in float64 before making it a float32 scalar, and 1 - beta^t in float32.
      kernels.adamStep(
        count,
        weights,
        gradients,
        first,
        second,
        f32(update.beta1),
        f32(1 - update.beta1),
        f32(update.beta2),
        f32(1 - update.beta2),
        f32(1 - f32(update.accBeta1)),
        f32(1 - f32(update.accBeta2)),
        f32(update.epsilon),
        f32(-update.learningRate),
      );
      return;
    case 'adam-folded':
      kernels.adamFoldedStep(
        count,
        weights,
        gradients,
        first,
        second,
        f32(update.beta1),
        f32(1 - update.beta1),
        f32(update.beta2),
        f32(1 - update.beta2),
        f32(update.stepSize),
        f32(update.epsilon),
      );
  }
}
