import { FigureInputError } from '../figure-input-error.js';

/**
 * The name of class `label`: `classNames[label]`, or the label's digits (`'0'`, `'1'`, ...)
 * when no names are given, as MNIST's classes are named.
 */
export function className(label: number, classNames?: readonly string[]): string {
  return classNames?.[label] ?? String(label);
}

/**
 * The names of a figure's `count` classes: `classNames` when given, else each label's
 * digits ({@link className}).
 *
 * @param classes - Where the count comes from, for the error message, e.g. `a 3x3 matrix`.
 * @throws {FigureInputError} When `classNames` does not hold exactly one name per class.
 */
export function classNamesFor(
  classNames: readonly string[] | undefined,
  count: number,
  classes: string,
): readonly string[] {
  if (classNames === undefined)
    return Array.from({ length: count }, (_, label) => className(label));
  if (classNames.length !== count) {
    throw new FigureInputError({
      field: 'classNames',
      expected: `${count} names, one per class of ${classes}`,
      actual: `${classNames.length} names`,
    });
  }
  return classNames;
}

/**
 * Checks that every label is a class: a whole number >= 0, and below the number of
 * `classNames` when they are given (so each has a name).
 *
 * @throws {FigureInputError} Naming the first label that is not.
 */
export function checkClassLabels(
  field: string,
  labels: ArrayLike<number>,
  classNames?: readonly string[],
): void {
  const count = classNames?.length ?? Infinity;
  for (let index = 0; index < labels.length; index += 1) {
    const label = labels[index];
    if (label === undefined || !Number.isInteger(label) || label < 0 || label >= count) {
      throw new FigureInputError({
        field: `${field}[${index}]`,
        expected:
          classNames === undefined
            ? 'a class label, a whole number >= 0'
            : `a class label in 0..${count - 1}, one of the ${count} classNames`,
        actual: String(label),
      });
    }
  }
}
