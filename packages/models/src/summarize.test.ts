import { describe, expect, it } from 'vitest';
import { formatSummary } from './format-summary.js';
import { lenet1 } from './lenet1.js';
import { lenet4 } from './lenet4.js';
import { lenet5, lenet5Modern } from './lenet5.js';
import { summarize } from './summarize.js';

type Row = [
  name: string,
  outputShape: number[],
  trainable: number,
  fixed: number,
  connections: number,
];

function rowsOf(model: ReturnType<typeof lenet5>): Row[] {
  const summary = summarize(model);
  model.dispose();
  return summary.rows.map((row) => [
    row.name,
    row.outputShape,
    row.trainableParameters,
    row.fixedParameters,
    row.connections,
  ]);
}

describe('summarize', () => {
  it("gives the paper's LeNet-5 table, layer by layer", () => {
    expect(rowsOf(lenet5())).toEqual([
      ['C1', [28, 28, 6], 156, 0, 122_304],
      ['S2', [14, 14, 6], 12, 0, 5_880],
      ['C3', [10, 10, 16], 1_516, 0, 151_600],
      ['S4', [5, 5, 16], 32, 0, 2_000],
      ['C5', [1, 1, 120], 48_120, 0, 48_120],
      ['F6', [84], 10_164, 0, 10_164],
      ['OUTPUT', [10], 0, 840, 840],
    ]);
  });

  it('totals LeNet-5 at 60,000 trainable and 840 fixed parameters and 340,908 connections', () => {
    const model = lenet5();
    const { totals } = summarize(model);
    expect(totals).toMatchObject({
      trainableParameters: 60_000,
      fixedParameters: 840,
      connections: 340_908,
    });
    expect(model.countParams()).toBe(60_840);
    model.dispose();
  });

  it('totals the softmax head at 60,850 trainable parameters', () => {
    const model = lenet5({ head: 'softmax' });
    expect(summarize(model).totals).toMatchObject({
      trainableParameters: 60_850,
      fixedParameters: 0,
      connections: 340_918,
    });
    model.dispose();
  });

  it('totals the modern preset at 61,706 trainable parameters with full C3 and max-pooling', () => {
    const rows = rowsOf(lenet5Modern());
    expect(rows.find(([name]) => name === 'C3')).toEqual(['C3', [10, 10, 16], 2_416, 0, 241_600]);
    expect(rows.find(([name]) => name === 'S2')).toEqual(['S2', [14, 14, 6], 0, 0, 4_704]);
    expect(rows.reduce((total, row) => total + row[2], 0)).toBe(61_706);
  });

  it('gives LeNet-1 2,578 parameters, 98,442 connections and 4,635 units', () => {
    const model = lenet1();
    const summary = summarize(model);
    model.dispose();
    expect(summary.rows.map((row) => [row.name, row.trainableParameters])).toEqual([
      ['H1', 104],
      ['H2', 8],
      ['H3', 512],
      ['H4', 24],
      ['OUTPUT', 1_930],
    ]);
    expect(summary.totals).toEqual({
      trainableParameters: 2_578,
      fixedParameters: 0,
      connections: 98_442,
      units: 4_635,
    });
  });

  it('gives the LeNet-4 reconstruction about 260,000 connections', () => {
    const model = lenet4();
    expect(summarize(model).totals).toMatchObject({
      trainableParameters: 50_698,
      connections: 262_306,
    });
    model.dispose();
  });
});

describe('formatSummary', () => {
  it("prints LeNet-5's table to the digit", () => {
    const model = lenet5();
    expect(formatSummary(summarize(model))).toBe(
      [
        'lenet5 (input 1 @ 32x32)',
        'layer   output       trainable  fixed  connections',
        '------  -----------  ---------  -----  -----------',
        'C1      6 @ 28x28          156      0      122,304',
        'S2      6 @ 14x14           12      0        5,880',
        'C3      16 @ 10x10       1,516      0      151,600',
        'S4      16 @ 5x5            32      0        2,000',
        'C5      120 @ 1x1       48,120      0       48,120',
        'F6      84              10,164      0       10,164',
        'OUTPUT  10                   0    840          840',
        '------  -----------  ---------  -----  -----------',
        'total   9,119 units     60,000    840      340,908',
      ].join('\n'),
    );
    model.dispose();
  });
});
