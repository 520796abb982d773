import { LenetError } from '@lenet/common';

const marker = '@lenet/error/LayerArgumentError';
const symbol = Symbol.for(marker);

/**
 * Thrown when a lenet layer, initialiser or loss receives an argument it cannot use.
 *
 * Raised at the boundary, in the constructor or in `build()`, so a bad argument never
 * surfaces as a stack trace from deep inside tfjs.
 */
export class LayerArgumentError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link LayerArgumentError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is LayerArgumentError {
    return LenetError.hasMarker(error, marker);
  }

  /** The class whose argument was rejected, such as `PartialConv2D`. */
  readonly owner: string;
  /** The argument's name, such as `table`. */
  readonly argument: string;
  /** What the argument must be. */
  readonly expected: string;
  /** What was given, printed. */
  readonly actual: string;

  /**
   * @param owner - The class whose argument was rejected.
   * @param argument - The argument's name.
   * @param expected - What the argument must be.
   * @param actual - What was given, printed.
   * @param advice - What to do instead; defaults to passing the expected value.
   */
  constructor(owner: string, argument: string, expected: string, actual: string, advice?: string) {
    super(
      'LayerArgumentError',
      `${owner}: invalid ${argument}. Expected ${expected}, got ${actual}. ${advice ?? `Pass ${expected}.`}`,
    );
    this.owner = owner;
    this.argument = argument;
    this.expected = expected;
    this.actual = actual;
  }
}
