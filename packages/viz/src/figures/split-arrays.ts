import { FigureInputError } from '../figure-input-error.js';
import { checkLength } from './check-input.js';

/**
 * Reads a list of equal-sized arrays given either as an array of arrays or as one flat
 * array of them concatenated (as MNIST bytes or a `[count, ...]` tensor's data come).
 *
 * @param size - Values per item.
 * @param description - What one item is, for error messages, e.g. `28x28 pixels`.
 * @throws {FigureInputError} When an item has the wrong length or the flat length is not a multiple of `size`.
 */
export function splitArrays(
  field: string,
  input: readonly ArrayLike<number>[] | ArrayLike<number>,
  size: number,
  description: string,
): ArrayLike<number>[] {
  if (Array.isArray(input) && input.every((item) => typeof item === 'object')) {
    const list = input as readonly ArrayLike<number>[];
    list.forEach((item, index) => {
      checkLength(`${field}[${index}]`, item, size, description);
    });
    return [...list];
  }
  const flat = input as ArrayLike<number>;
  if (flat.length % size !== 0) {
    throw new FigureInputError({
      field,
      expected: `a multiple of ${size} values (whole items of ${description})`,
      actual: `${flat.length} values`,
    });
  }
  return Array.from(
    { length: flat.length / size },
    (_, index) => Array.prototype.slice.call(flat, index * size, (index + 1) * size) as number[],
  );
}
