import type { ModelSummary } from './summarize.js';

const grouped = (value: number): string => value.toLocaleString('en-US');

/** Prints `[height, width, maps]` as the paper does, `6 @ 28x28`, and `[units]` as `84`. */
export function formatShape(shape: readonly number[]): string {
  const [height, width, maps] = shape;
  return shape.length === 3 ? `${maps} @ ${height}x${width}` : shape.join('x');
}

/**
 * Prints a {@link ModelSummary} as a plain-text table: one row per layer (name, output,
 * trainable and fixed parameters, connections) and a total row, numbers with thousands
 * separators.
 *
 * @param summary - The output of `summarize(model)`.
 * @example
 * ```ts
 * console.log(formatSummary(summarize(lenet5())));
 * ```
 */
export function formatSummary(summary: ModelSummary): string {
  const header = ['layer', 'output', 'trainable', 'fixed', 'connections'];
  const body = summary.rows.map((row) => [
    row.name,
    formatShape(row.outputShape),
    grouped(row.trainableParameters),
    grouped(row.fixedParameters),
    grouped(row.connections),
  ]);
  const { totals } = summary;
  const footer = [
    'total',
    `${grouped(totals.units)} units`,
    grouped(totals.trainableParameters),
    grouped(totals.fixedParameters),
    grouped(totals.connections),
  ];
  const table = [header, ...body, footer];
  const widths = header.map((_, column) =>
    Math.max(...table.map((cells) => cells[column]!.length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) =>
        column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [
    `${summary.name} (input ${formatShape(summary.inputShape)})`,
    line(header),
    rule,
    ...body.map(line),
    rule,
    line(footer),
  ].join('\n');
}
