import { colorMapRgb } from '../color/color-maps.js';
import { classNamesFor } from '../figures/class-names.js';
import { countShade } from '../figures/confusion-matrix-figure.js';
import { perClassError, toConfusionRows } from '../figures/confusion-statistics.js';
import type { ConfusionMatrixInput } from '../figures/confusion-statistics.js';
import { textColumns } from '../text/text-columns.js';
import { background, foreground, resetColor } from './ansi-cells.js';

/** Options of {@link terminalConfusionMatrix}. */
export interface TerminalConfusionMatrixOptions {
  /** Shade cells with 24-bit ANSI colours as the figure does. Default true. */
  readonly color?: boolean;
  /**
   * The name of each class, one per row of the matrix (e.g. the `classNames` of a
   * `@lenet/data` dataset). Names that fit a count's column head the columns; longer ones
   * (`Ankle boot`) are written as `9 Ankle boot` before their rows and the columns are headed
   * by those numbers, so the table stays as narrow as the counts. Wide characters (kana) take
   * two columns. Default `0`, `1`, ...
   */
  readonly classNames?: readonly string[];
}

/**
 * A confusion matrix as a terminal table: rows are true classes, columns predictions, the
 * counts right-aligned, each row ending with the class's error rate. Without colour the
 * diagonal is bracketed; zero counts print as `.`.
 *
 * @throws {FigureInputError} When the matrix is not square or holds invalid counts, or `classNames` does not name each class.
 * @example
 * ```ts
 * console.log(terminalConfusionMatrix(counts, { color: process.stdout.isTTY }));
 * ```
 */
export function terminalConfusionMatrix(
  matrix: ConfusionMatrixInput,
  options: TerminalConfusionMatrixOptions = {},
): string {
  const rows = toConfusionRows(matrix);
  const color = options.color ?? true;
  const names = classNamesFor(
    options.classNames,
    rows.length,
    `a ${rows.length}x${rows.length} matrix`,
  );
  const largest = Math.max(...rows.flat());
  const countWidth = Math.max(3, ...rows.flat().map((count) => String(count).length));
  const keyed = names.some((name) => textColumns(name) > countWidth);
  const heads = keyed ? names.map((_, label) => String(label)) : names;
  const rowNames = keyed ? names.map((name, label) => `${label} ${name}`) : names;
  const width = Math.max(countWidth, ...heads.map(textColumns)) + 2;
  const nameWidth = Math.max(4, ...rowNames.map(textColumns));
  const errors = perClassError(rows);
  const header = `${padEnd('true', nameWidth)} ${heads.map((head) => padStart(head, width)).join('')}   error`;
  const lines = rows.map((row, trueClass) => {
    const cells = row.map((count, predicted) => {
      const text = count === 0 ? '.' : String(count);
      if (!color) return (predicted === trueClass ? `[${text}]` : `${text} `).padStart(width);
      const shade = countShade(count, largest);
      const ink = shade > 0.6 ? ([255, 255, 255] as const) : ([34, 34, 34] as const);
      return `${background(colorMapRgb('blues', shade))}${foreground(ink)}${`${text} `.padStart(width)}${resetColor}`;
    });
    return `${padEnd(rowNames[trueClass] ?? '', nameWidth)} ${cells.join('')} ${`${((errors[trueClass] ?? 0) * 100).toFixed(1)}%`.padStart(7)}`;
  });
  return [header, ...lines].join('\n');
}

function padEnd(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - textColumns(text)));
}

function padStart(text: string, columns: number): string {
  return ' '.repeat(Math.max(0, columns - textColumns(text))) + text;
}
