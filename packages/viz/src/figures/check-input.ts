import { FigureInputError } from '../figure-input-error.js';

/**
 * Throws a {@link FigureInputError} unless `values` holds exactly `expected` numbers.
 *
 * @param description - How the expected length comes about, e.g. `28x28 pixels`.
 */
export function checkLength(
  field: string,
  values: ArrayLike<number>,
  expected: number,
  description: string,
): void {
  if (values.length !== expected) {
    throw new FigureInputError({
      field,
      expected: `${expected} values (${description})`,
      actual: `${values.length} values`,
    });
  }
}

/** Throws a {@link FigureInputError} unless `value` is a whole number of at least `minimum`. */
export function checkCount(field: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new FigureInputError({
      field,
      expected: `a whole number >= ${minimum}`,
      actual: String(value),
    });
  }
}
