import { LenetError } from '@lenet/core/errors';

const marker = '@lenet/error/ModelOptionError';
const symbol = Symbol.for(marker);

/** Thrown when a model factory or summary receives an option or a layer it cannot use. */
export class ModelOptionError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link ModelOptionError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is ModelOptionError {
    return LenetError.hasMarker(error, marker);
  }

  /** The option's name, such as `pooling`. */
  readonly option: string;
  /** What the option must be. */
  readonly expected: string;
  /** What was given, printed. */
  readonly actual: string;

  /**
   * @param owner - The function that rejected the option, such as `lenet5`.
   * @param option - The option's name.
   * @param expected - What the option must be.
   * @param actual - What was given, printed.
   * @param remedy - What to do instead, one or more sentences. Default `Pass <expected>.`
   */
  constructor(
    owner: string,
    option: string,
    expected: string,
    actual: string,
    remedy = `Pass ${expected}.`,
  ) {
    super(
      'ModelOptionError',
      `${owner}: invalid ${option}. Expected ${expected}, got ${actual}. ${remedy}`,
    );
    this.option = option;
    this.expected = expected;
    this.actual = actual;
  }
}
