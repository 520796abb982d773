import type { Scene, Shape } from '../scene/scene.js';
import { filledRect, mutedColor, textShape, textWidth } from '../scene/shapes.js';
import { FigureInputError } from '../figure-input-error.js';
import { chartAxes, niceScale } from './chart-axes.js';
import { figureMargin, figureTitle, titleHeight } from './figure-title.js';
import { paperErrorRates } from './paper-error-rates.js';
import type { ErrorRateEntry } from './paper-error-rates.js';

/** Input of {@link comparisonChartFigure}. */
export interface ComparisonChartFigureInput {
  /** Your results, highlighted among the paper's. */
  readonly entries: readonly ErrorRateEntry[];
  /** The rates to compare with. Default: the paper's Fig. 9 ({@link paperErrorRates}). */
  readonly reference?: readonly ErrorRateEntry[];
  /** Bars longer than this rate are cut and marked `(off scale)`. Default: 5%, or more to show every entry. */
  readonly maximumRate?: number;
  /** Default `Test error on MNIST`. */
  readonly title?: string;
}

const rowHeight = 22;
const minimumLabelWidth = 190;
const barWidth = 380;
const paperColor = '#8da0cb';
const lenetColor = '#4a6fa5';
const entryColor = '#d95f02';

/**
 * The paper's Fig. 9 as a horizontal bar chart sorted from worst to best, with your
 * results placed among the published ones in another colour.
 *
 * @throws {FigureInputError} When a rate is outside 0..1.
 * @see LeCun et al. 1998, Section V.C and Fig. 9.
 * @example
 * ```ts
 * const scene = comparisonChartFigure({ entries: [{ label: 'this LeNet-5', errorRate: 0.0112 }] });
 * ```
 */
export function comparisonChartFigure(input: ComparisonChartFigureInput): Scene {
  const maximum =
    input.maximumRate ?? Math.max(0.05, ...input.entries.map((entry) => entry.errorRate));
  const rows = [
    ...(input.reference ?? paperErrorRates).map((entry) => ({ ...entry, ours: false })),
    ...input.entries.map((entry) => ({ ...entry, ours: true })),
  ].sort((first, second) => second.errorRate - first.errorRate);
  rows.forEach((row, index) => {
    if (!(row.errorRate >= 0 && row.errorRate <= 1)) {
      throw new FigureInputError({
        field: `entries[${index}].errorRate`,
        expected: 'a fraction in 0..1 (0.0095 for 0.95%)',
        actual: String(row.errorRate),
      });
    }
  });
  const labelWidth = Math.max(
    minimumLabelWidth,
    ...rows.map((row) => textWidth(row.label.length, 12) + 12),
  );
  const box = {
    x: figureMargin + labelWidth,
    y: figureMargin + titleHeight,
    width: barWidth,
    height: rows.length * rowHeight,
  };
  const xScale = niceScale(0, maximum * 100, 5);
  const shapes: Shape[] = figureTitle(
    input.title ?? 'Test error on MNIST',
    'published results (LeCun et al. 1998, Fig. 9) and this model',
  );
  shapes.push(
    ...chartAxes(
      box,
      xScale,
      { low: 0, high: 1, ticks: [] },
      { x: 'test error (%)', y: '', formatX: String, formatY: String },
    ),
  );
  rows.forEach((row, index) => {
    const y = box.y + index * rowHeight;
    const percent = row.errorRate * 100;
    const length = (Math.min(percent, xScale.high) / xScale.high) * box.width;
    const color = row.ours ? entryColor : row.label.includes('LeNet') ? lenetColor : paperColor;
    shapes.push(
      textShape(box.x - 8, y + rowHeight / 2, row.label, {
        size: 12,
        anchor: 'end',
        bold: row.ours,
        color: row.ours ? entryColor : '#222222',
      }),
    );
    shapes.push(filledRect(box.x, y + 4, length, rowHeight - 8, color));
    const clipped = percent > xScale.high;
    const valueText = `${formatPercent(percent)}${clipped ? ' (off scale)' : ''}`;
    const valueX = clipped ? box.x + box.width - 6 : box.x + length + 6;
    shapes.push(
      textShape(valueX, y + rowHeight / 2, valueText, {
        size: 11,
        anchor: clipped ? 'end' : 'start',
        color: clipped ? '#ffffff' : mutedColor,
      }),
    );
  });
  return {
    width: box.x + box.width + 60 + figureMargin,
    height: box.y + box.height + 44 + figureMargin,
    background: '#ffffff',
    shapes,
  };
}

function formatPercent(percent: number): string {
  return `${Number(percent.toFixed(2))}%`;
}
