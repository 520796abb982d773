import { LayerArgumentError } from '../errors/layer-argument-error.js';

/**
 * Which input maps feed which output maps: `table[input][output]` is 1 for a connection and
 * 0 for none. Rows are input maps, columns output maps, as in the paper's Table I.
 */
export type ConnectionTable = readonly (readonly number[])[];

/** One connected (input map, output map) pair of a {@link ConnectionTable}. */
export interface ConnectionLink {
  /** Index of the input map. */
  readonly input: number;
  /** Index of the output map. */
  readonly output: number;
}

function tableFromInputs(
  inputCount: number,
  inputsOfOutputs: readonly (readonly number[])[],
): ConnectionTable {
  return Array.from({ length: inputCount }, (_, input) =>
    inputsOfOutputs.map((inputs) => (inputs.includes(input) ? 1 : 0)),
  );
}

/**
 * LeNet-5's C3 connections (Table I): which of the 6 S2 maps feed each of the 16 C3 maps.
 * 60 links, hence 60 x 25 + 16 = 1,516 trainable parameters.
 *
 * @see LeCun et al. 1998, Section II.B and Table I.
 */
export const C3_TABLE: ConnectionTable = tableFromInputs(6, [
  [0, 1, 2],
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 5],
  [0, 4, 5],
  [0, 1, 5],
  [0, 1, 2, 3],
  [1, 2, 3, 4],
  [2, 3, 4, 5],
  [0, 3, 4, 5],
  [0, 1, 4, 5],
  [0, 1, 2, 5],
  [0, 1, 3, 4],
  [1, 2, 4, 5],
  [0, 2, 3, 5],
  [0, 1, 2, 3, 4, 5],
]);

/**
 * LeNet-1's H3 connections: which of the 4 H2 maps feed each of the 12 H3 maps.
 * 20 links, hence 20 x 25 + 12 = 512 trainable parameters.
 *
 * @see LeCun et al. 1989 (NIPS 2), the H3 layer; LeCun et al. 1998, Section III.C.
 */
export const H3_TABLE: ConnectionTable = [
  [1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0],
  [0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1],
  [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
];

/**
 * Checks that a table is a non-empty rectangle of 0/1 entries in which every output map has
 * at least one input.
 *
 * @param owner - The class asking, for the error message.
 * @returns The table's input and output map counts.
 * @throws {@link LayerArgumentError} when the table is malformed.
 */
export function checkConnectionTable(
  owner: string,
  table: unknown,
): { inputs: number; outputs: number } {
  const rows = Array.isArray(table) ? (table as unknown[]) : [];
  const first: unknown = rows[0];
  const outputs = Array.isArray(first) ? first.length : 0;
  const wellFormed =
    outputs > 0 &&
    rows.every(
      (row) =>
        Array.isArray(row) &&
        row.length === outputs &&
        row.every((cell) => cell === 0 || cell === 1),
    );
  if (!wellFormed) {
    throw new LayerArgumentError(
      owner,
      'table',
      'a non-empty rectangular array of 0/1 rows (rows: input maps, columns: output maps)',
      JSON.stringify(table),
    );
  }
  const typed = rows as number[][];
  const orphan = Array.from({ length: outputs }, (_, output) => output).find((output) =>
    typed.every((row) => row[output] === 0),
  );
  if (orphan !== undefined) {
    throw new LayerArgumentError(
      owner,
      'table',
      'every output map connected to at least one input map',
      `output map ${orphan} has no input`,
    );
  }
  return { inputs: typed.length, outputs };
}

/**
 * Lists a table's links, output map by output map, inputs in increasing order: the order in
 * which {@link PartialConv2D} stores its weights.
 */
export function connectionLinks(table: ConnectionTable): ConnectionLink[] {
  const outputs = table[0]?.length ?? 0;
  const links: ConnectionLink[] = [];
  for (let output = 0; output < outputs; output += 1) {
    table.forEach((row, input) => {
      if (row[output] === 1) links.push({ input, output });
    });
  }
  return links;
}

/**
 * Prints a table as the paper does: one row per input map, an `X` per connection.
 *
 * @param table - The table to print.
 * @param rowLabel - The prefix of each row, such as `S2.` (the default) or `H2.`.
 * @example
 * ```ts
 * console.log(formatConnectionTable(C3_TABLE));
 * ```
 */
export function formatConnectionTable(table: ConnectionTable, rowLabel = 'S2.'): string {
  const outputs = table[0]?.length ?? 0;
  const width = String(outputs - 1).length;
  const labelWidth = rowLabel.length + String(table.length - 1).length;
  const header =
    ' '.repeat(labelWidth) +
    Array.from({ length: outputs }, (_, output) => ` ${String(output).padStart(width)}`).join('');
  const rows = table.map(
    (row, input) =>
      `${rowLabel}${input}`.padEnd(labelWidth) +
      row.map((cell) => ` ${(cell === 1 ? 'X' : ' ').padStart(width)}`).join(''),
  );
  return [header, ...rows].map((line) => line.trimEnd()).join('\n');
}
