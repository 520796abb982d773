import { LenetError } from '@lenet/core/errors';

const marker = '@lenet/error/PredictionInputError';
const symbol = Symbol.for(marker);

/** Thrown when a parallel predictor receives pixels or weights that do not fit its model. */
export class PredictionInputError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link PredictionInputError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is PredictionInputError {
    return LenetError.hasMarker(error, marker);
  }

  /** The argument's name, such as `pixels`. */
  readonly argument: string;
  /** What the argument must be. */
  readonly expected: string;
  /** What was given, printed. */
  readonly actual: string;

  /**
   * @param method - The method that rejected the argument, such as `ParallelPredictor.predict`.
   * @param argument - The argument's name.
   * @param expected - What the argument must be.
   * @param actual - What was given, printed.
   * @param advice - What to do instead.
   */
  constructor(method: string, argument: string, expected: string, actual: string, advice: string) {
    super(
      'PredictionInputError',
      `${method}: invalid ${argument}. Expected ${expected}, got ${actual}. ${advice}`,
    );
    this.argument = argument;
    this.expected = expected;
    this.actual = actual;
  }
}
