import { colorMapRgb } from '../color/color-maps.js';
import { countShade } from '../figures/confusion-matrix-figure.js';
import { perClassError, toConfusionRows } from '../figures/confusion-statistics.js';
import type { ConfusionMatrixInput } from '../figures/confusion-statistics.js';
import { background, foreground, resetColor } from './ansi-cells.js';

/** Options of {@link terminalConfusionMatrix}. */
export interface TerminalConfusionMatrixOptions {
  /** Shade cells with 24-bit ANSI colours as the figure does. Default true. */
  readonly color?: boolean;
  /** Class names. Default `0`, `1`, ... */
  readonly labels?: readonly string[];
}

/**
 * A confusion matrix as a terminal table: rows are true classes, columns predictions, the
 * counts right-aligned, each row ending with the class's error rate. Without colour the
 * diagonal is bracketed; zero counts print as `.`.
 *
 * @throws {FigureInputError} When the matrix is not square or holds invalid counts.
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
  const labels = options.labels ?? rows.map((_, index) => String(index));
  const largest = Math.max(...rows.flat());
  const width =
    Math.max(
      3,
      ...rows.flat().map((count) => String(count).length),
      ...labels.map((label) => label.length),
    ) + 2;
  const labelWidth = Math.max(4, ...labels.map((label) => label.length));
  const errors = perClassError(rows);
  const header = `${'true'.padEnd(labelWidth)} ${labels.map((label) => label.padStart(width)).join('')}   error`;
  const lines = rows.map((row, trueClass) => {
    const cells = row.map((count, predicted) => {
      const text = count === 0 ? '.' : String(count);
      if (!color) return (predicted === trueClass ? `[${text}]` : `${text} `).padStart(width);
      const shade = countShade(count, largest);
      const ink = shade > 0.6 ? ([255, 255, 255] as const) : ([34, 34, 34] as const);
      return `${background(colorMapRgb('blues', shade))}${foreground(ink)}${`${text} `.padStart(width)}${resetColor}`;
    });
    return `${(labels[trueClass] ?? '').padEnd(labelWidth)} ${cells.join('')} ${`${((errors[trueClass] ?? 0) * 100).toFixed(1)}%`.padStart(7)}`;
  });
  return [header, ...lines].join('\n');
}
