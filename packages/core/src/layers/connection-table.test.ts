import { describe, expect, it } from 'vitest';
import { C3_TABLE, connectionLinks, formatConnectionTable, H3_TABLE } from './connection-table.js';

describe('C3_TABLE', () => {
  it('has 6 rows, 16 columns and 60 links', () => {
    expect(C3_TABLE).toHaveLength(6);
    expect(C3_TABLE.every((row) => row.length === 16)).toBe(true);
    expect(connectionLinks(C3_TABLE)).toHaveLength(60);
  });

  it('gives C3 maps 0-5 three inputs, 6-14 four and 15 all six', () => {
    const counts = Array.from(
      { length: 16 },
      (_, output) => C3_TABLE.filter((row) => row[output] === 1).length,
    );
    expect(counts).toEqual([3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6]);
  });

  it("prints as the paper's Table I", () => {
    expect(formatConnectionTable(C3_TABLE)).toBe(
      [
        '      0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15',
        'S2.0  X           X  X  X        X  X  X  X     X  X',
        'S2.1  X  X           X  X  X        X  X  X  X     X',
        'S2.2  X  X  X           X  X  X        X     X  X  X',
        'S2.3     X  X  X        X  X  X  X        X     X  X',
        'S2.4        X  X  X        X  X  X  X     X  X     X',
        'S2.5           X  X  X        X  X  X  X     X  X  X',
      ].join('\n'),
    );
  });
});

describe('H3_TABLE', () => {
  it('has 4 rows, 12 columns and 20 of 48 links', () => {
    expect(H3_TABLE).toHaveLength(4);
    expect(connectionLinks(H3_TABLE)).toHaveLength(20);
  });

  it('prints with H2 row labels', () => {
    expect(formatConnectionTable(H3_TABLE, 'H2.').split('\n')[1]).toBe('H2.0  X  X  X     X  X');
  });
});

describe('connectionLinks', () => {
  it('lists links output map by output map, inputs ascending', () => {
    expect(
      connectionLinks([
        [1, 0],
        [1, 1],
      ]),
    ).toEqual([
      { input: 0, output: 0 },
      { input: 1, output: 0 },
      { input: 1, output: 1 },
    ]);
  });
});
