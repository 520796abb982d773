import { FigureInputError } from '../figure-input-error.js';

/**
 * A confusion matrix: `matrix[trueClass][predictedClass]` counts, as nested arrays or as a
 * flat row-major array (e.g. an `Int32Array` of 100 counts for ten classes).
 */
export type ConfusionMatrixInput = readonly (readonly number[])[] | ArrayLike<number>;

/**
 * Reads a confusion matrix into nested rows, checking that it is square.
 *
 * @throws {FigureInputError} When it is not square or holds negative or fractional counts.
 */
export function toConfusionRows(matrix: ConfusionMatrixInput): number[][] {
  const rows = isNested(matrix) ? matrix.map((row) => [...row]) : splitFlat(matrix);
  const size = rows.length;
  rows.forEach((row, index) => {
    if (row.length !== size) {
      throw new FigureInputError({
        field: `matrix[${index}]`,
        expected: `${size} counts (a square matrix)`,
        actual: `${row.length} counts`,
      });
    }
    if (row.some((count) => !Number.isInteger(count) || count < 0)) {
      throw new FigureInputError({
        field: `matrix[${index}]`,
        expected: 'whole counts >= 0',
        actual: `[${row.join(', ')}]`,
      });
    }
  });
  if (size === 0)
    throw new FigureInputError({
      field: 'matrix',
      expected: 'at least one class',
      actual: 'an empty matrix',
    });
  return rows;
}

function isNested(matrix: ConfusionMatrixInput): matrix is readonly (readonly number[])[] {
  return Array.isArray(matrix) && matrix.every((row) => Array.isArray(row));
}

function splitFlat(matrix: ArrayLike<number>): number[][] {
  const size = Math.round(Math.sqrt(matrix.length));
  if (size * size !== matrix.length) {
    throw new FigureInputError({
      field: 'matrix',
      expected: 'a square number of counts (100 for ten classes)',
      actual: `${matrix.length} counts`,
    });
  }
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, column) => matrix[row * size + column] ?? 0),
  );
}

/**
 * The error rate of each true class: the share of its examples predicted as another class
 * (0 for a class with no examples).
 *
 * @returns One rate (0..1) per row.
 */
export function perClassError(matrix: ConfusionMatrixInput): number[] {
  return toConfusionRows(matrix).map((row, index) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    return total === 0 ? 0 : (total - (row[index] ?? 0)) / total;
  });
}

/** The overall error rate: off-diagonal counts over all counts (0 for an empty matrix). */
export function overallError(matrix: ConfusionMatrixInput): number {
  const rows = toConfusionRows(matrix);
  const total = rows.flat().reduce((sum, count) => sum + count, 0);
  const correct = rows.reduce((sum, row, index) => sum + (row[index] ?? 0), 0);
  return total === 0 ? 0 : (total - correct) / total;
}
