import { LenetError } from '@lenet/core/errors';

const marker = '@lenet/error/NonFiniteTrainingError';
const symbol = Symbol.for(marker);

/** What a refused training step found not finite, and where in a run. */
export interface NonFiniteStep {
  /**
   * What was not finite: the batch's mean `loss`, the `gradient` of a weight, or the
   * `optimizer-state` kept for a weight (Adam's moments, momentum's accumulation, SDLM's curvature).
   */
  readonly quantity: 'loss' | 'gradient' | 'optimizer-state';
  /** The weight, named as its layer names it (`C3/kernel`); undefined for the loss. */
  readonly weight?: string;
  /** The first value that was not finite: `NaN`, `Infinity` or `-Infinity`. */
  readonly value: number;
  /** The epoch of the run, from 0, when the step was made by `trainEpoch`. */
  readonly epoch?: number;
  /** The batch of that epoch, from 0, when the step was made by `trainEpoch`. */
  readonly batch?: number;
}

function located({ epoch, batch }: NonFiniteStep): string {
  return epoch === undefined || batch === undefined
    ? 'Training stopped at a step'
    : `Training stopped at epoch ${epoch + 1}, batch ${batch + 1} (both counted from 1)`;
}

function found({ quantity, weight, value }: NonFiniteStep): string {
  if (quantity === 'loss') return `the loss is ${String(value)}`;
  if (quantity === 'gradient')
    return `the gradient of ${weight ?? 'a weight'} holds ${String(value)}`;
  return `the optimiser's state for ${weight ?? 'a weight'} holds ${String(value)}`;
}

function remedy({ quantity }: NonFiniteStep): string {
  return quantity === 'optimizer-state'
    ? "The optimiser's state was damaged or saved after training diverged: resume from an earlier checkpoint, or start a new run."
    : 'Training diverged: train again with a lower learning rate, or resume from the last checkpoint with a lower one.';
}

/**
 * Thrown by a trainer's step, before the optimiser updates anything, when the batch's loss, a
 * gradient or the optimiser's state is NaN or infinite: the weights and the optimiser are left
 * as they were before that step, instead of training on to all-NaN weights.
 */
export class NonFiniteTrainingError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link NonFiniteTrainingError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is NonFiniteTrainingError {
    return LenetError.hasMarker(error, marker);
  }

  /** What was not finite. */
  readonly quantity: NonFiniteStep['quantity'];
  /** The weight whose gradient or optimiser state was not finite (`C3/kernel`); undefined for the loss. */
  readonly weight: string | undefined;
  /** The first value that was not finite. */
  readonly value: number;
  /** The epoch, from 0, when known. */
  readonly epoch: number | undefined;
  /** The batch of the epoch, from 0, when known. */
  readonly batch: number | undefined;

  /** @param step - What was not finite, and where. */
  constructor(step: NonFiniteStep) {
    super(
      'NonFiniteTrainingError',
      `${located(step)}: ${found(step)}. The weights were NOT updated by that step. ${remedy(step)}`,
    );
    this.quantity = step.quantity;
    this.weight = step.weight;
    this.value = step.value;
    this.epoch = step.epoch;
    this.batch = step.batch;
  }

  /** This error placed at batch `batch` of epoch `epoch` (both from 0), as `trainEpoch` reports it. */
  at(epoch: number, batch: number): NonFiniteTrainingError {
    const { quantity, weight, value } = this;
    return new NonFiniteTrainingError({ quantity, weight, value, epoch, batch });
  }
}
