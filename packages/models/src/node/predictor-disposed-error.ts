import { LenetError } from '@lenet/core/errors';

/** Thrown by a parallel predictor's methods after its `dispose()`, and by the predictions pending then. */
export class PredictorDisposedError extends LenetError {
  /** @param method - The method called, such as `ParallelPredictor.predict`. */
  constructor(method: string) {
    super('PredictorDisposedError', `${method}: the predictor was disposed, and its worker threads have ended. Create a new one with createParallelPredictor(model).`);
  }
}
