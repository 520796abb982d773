import * as tf from '@tensorflow/tfjs';
import { firstNonFinite } from './first-non-finite.js';
import { trainableWeightSizes } from './flat-weights.js';
import { NonFiniteTrainingError } from './non-finite-training-error.js';

/** Refuses a training step whose loss, gradient or optimiser state is not finite, before the optimiser makes it. */
export interface StepGuard {
  /**
   * Throws {@link NonFiniteTrainingError} when a value of `optimizer`'s state is not finite. It
   * reads the state the first time it meets `optimizer` only (a restored checkpoint's state is
   * checked at the first step), not at every step.
   */
  checkOptimizer(optimizer: tf.Optimizer): Promise<void>;
  /**
   * Throws {@link NonFiniteTrainingError} when `loss` or a value of `gradients` is not finite:
   * the batch's gradient as one vector or as the shares of a split batch, each laid out as the
   * trainable weights (`model.trainableWeights` order).
   */
  checkStep(loss: number, gradients: readonly Float32Array[]): void;
}

/** A {@link StepGuard} for training `model`, naming its weights as its layers do (`C3/kernel`). */
export function createStepGuard(model: tf.LayersModel): StepGuard {
  const weights = model.trainableWeights;
  const sizes = trainableWeightSizes(model);
  const checked = new WeakSet<tf.Optimizer>();
  const weightAt = (position: number): string => {
    let end = 0;
    for (const [index, size] of sizes.entries()) {
      end += size;
      if (position < end) return weights[index]?.originalName ?? '';
    }
    return `value ${String(position)}`;
  };
  // tfjs names a state after its weight's variable (`C1/kernel_1/m`, SDLM's curvature `C1/kernel_1`);
  // ResumableAdam (`m3`, `v3`) and PortableSdlm (`trainable-3`) after its position.
  const weightOfState = (name: string): string => {
    const position = /^(?:m|v|trainable-)(\d+)$/.exec(name)?.[1];
    const weight =
      position === undefined
        ? weights.find((each) => name === each.name || name.startsWith(`${each.name}/`))
        : weights[Number(position)];
    return weight?.originalName ?? name;
  };
  return {
    checkOptimizer: async (optimizer) => {
      // An optimiser without getWeights (tfjs's base class throws) keeps no state to check.
      if (checked.has(optimizer) || optimizer.getWeights === tf.Optimizer.prototype.getWeights)
        return;
      const state = await optimizer.getWeights();
      try {
        for (const { name, tensor } of state) {
          if (tensor.dtype !== 'float32') continue;
          const values = (await tensor.data()) as Float32Array;
          const index = firstNonFinite(values);
          if (index >= 0)
            throw new NonFiniteTrainingError({
              quantity: 'optimizer-state',
              weight: weightOfState(name),
              value: values[index] ?? Number.NaN,
            });
        }
      } finally {
        // getWeights makes the iteration count's tensor (`iter`) afresh; the rest are the optimiser's.
        tf.dispose(state.filter(({ name }) => name === 'iter').map(({ tensor }) => tensor));
      }
      checked.add(optimizer);
    },
    checkStep: (loss, gradients) => {
      if (!Number.isFinite(loss))
        throw new NonFiniteTrainingError({ quantity: 'loss', value: loss });
      let first = -1;
      let value = Number.NaN;
      for (const vector of gradients) {
        const index = firstNonFinite(vector);
        if (index >= 0 && (first < 0 || index < first)) {
          first = index;
          value = vector[index] ?? Number.NaN;
        }
      }
      if (first >= 0)
        throw new NonFiniteTrainingError({ quantity: 'gradient', weight: weightAt(first), value });
    },
  };
}
