import { LenetError } from '@lenet/common';

const marker = '@lenet/error/FigureInputError';
const symbol = Symbol.for(marker);

/** What {@link FigureInputError} reports. */
export interface FigureInputErrorDetails {
  /** The argument or field that was wrong, such as `matrix` or `layers[2].values`. */
  readonly field: string;
  /** What was expected, such as `10 rows of 10 counts`. */
  readonly expected: string;
  /** What was given. */
  readonly actual: string;
  /** What to do about it; a generic hint when absent. */
  readonly hint?: string;
}

/**
 * Thrown when a figure or preview gets data it cannot draw: wrong lengths, shapes or
 * values. Raised before anything is drawn, so no partial file is written.
 */
export class FigureInputError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link FigureInputError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is FigureInputError {
    return LenetError.hasMarker(error, marker);
  }

  /** The argument or field that was wrong. */
  readonly field: string;
  /** What was expected. */
  readonly expected: string;
  /** What was given. */
  readonly actual: string;

  constructor(details: FigureInputErrorDetails) {
    const hint =
      details.hint ?? 'Check the data passed to the figure against its documented layout.';
    super(
      'FigureInputError',
      `Cannot draw ${details.field}: expected ${details.expected}, got ${details.actual}. ${hint}`,
    );
    this.field = details.field;
    this.expected = details.expected;
    this.actual = details.actual;
  }
}
