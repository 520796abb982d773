import { LenetError } from '@lenet/core/errors';

const marker = '@lenet/error/WeightVectorError';
const symbol = Symbol.for(marker);

/** Thrown when a flat vector of weights or gradients does not have one value per trainable weight of the model. */
export class WeightVectorError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link WeightVectorError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is WeightVectorError {
    return LenetError.hasMarker(error, marker);
  }

  /** The function that refused the vector, such as `writeTrainableWeights`. */
  readonly owner: string;

  /**
   * @param owner - The function, such as `writeTrainableWeights`.
   * @param message - What happened, expected against actual, and what to do.
   */
  constructor(owner: string, message: string) {
    super('WeightVectorError', `${owner}: ${message}`);
    this.owner = owner;
  }
}
