import { LenetError } from '@lenet/core/errors';

const marker = '@lenet/error/PredictorDisposedError';
const symbol = Symbol.for(marker);

/** Thrown by a parallel predictor's methods after its `dispose()`, and by the predictions pending then. */
export class PredictorDisposedError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link PredictorDisposedError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is PredictorDisposedError {
    return LenetError.hasMarker(error, marker);
  }

  /** @param method - The method called, such as `ParallelPredictor.predict`. */
  constructor(method: string) {
    super(
      'PredictorDisposedError',
      `${method}: the predictor was disposed, and its worker threads have ended. Create a new one with createParallelPredictor(model).`,
    );
  }
}
