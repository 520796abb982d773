import { describe, expect, it } from 'vitest';
import { FigureInputError } from '../figure-input-error.js';
import type { RectShape } from '../scene/scene.js';
import { expectValidFigure, textNamed, texts } from '../test-support/render-checks.js';
import { comparisonChartFigure } from './comparison-chart-figure.js';
import { paperErrorRates } from './paper-error-rates.js';

describe('comparisonChartFigure', () => {
  const scene = comparisonChartFigure({ entries: [{ label: 'this LeNet-5', errorRate: 0.0112 }] });
  const bars = scene.shapes.filter(
    (shape): shape is RectShape => shape.kind === 'rect' && shape.height === 14,
  );
  const labels = texts(scene)
    .filter((text) => text.anchor === 'end' && text.size === 12)
    .map((text) => text.text);

  it("holds the paper's Fig. 9 rates, LeNet-5 at 0.95%", () => {
    expect(paperErrorRates).toHaveLength(14);
    expect(paperErrorRates.find((entry) => entry.label === 'LeNet-5')?.errorRate).toBe(0.0095);
    expect(paperErrorRates.find((entry) => entry.label === '[16x16] LeNet-1')?.errorRate).toBe(
      0.017,
    );
  });

  it('places the entry among the published rates, worst first', () => {
    expect(labels).toHaveLength(15);
    const at = labels.indexOf('this LeNet-5');
    expect(labels[at - 1]).toBe('[16x16] LeNet-1');
    expect(['SVM poly 4', 'LeNet-4']).toContain(labels[at + 1]);
    expect(labels.at(-1)).toBe('[dist] Boosted LeNet-4');
    expect(textNamed(scene, 'this LeNet-5').bold).toBe(true);
  });

  it('draws bar lengths in proportion to the rates and cuts the ones past the axis', () => {
    const length = (label: string): number => bars[labels.indexOf(label)]!.width;
    expect(length('LeNet-5') / length('[16x16] LeNet-1')).toBeCloseTo(0.95 / 1.7, 6);
    expect(length('Linear')).toBe(length('K-NN Euclidean'));
    expect(textNamed(scene, '12% (off scale)')).toBeDefined();
    expect(textNamed(scene, '1.12%')).toBeDefined();
  });

  it('is a valid PNG and SVG of its stated size', () => {
    expectValidFigure(scene);
  });

  it('widens the axis to show an entry past 5% and the label column to fit a long label', () => {
    const wide = comparisonChartFigure({
      entries: [{ label: 'a LeNet-5 trained for one short pass', errorRate: 0.0618 }],
    });
    expect(textNamed(wide, '6.18%').anchor).toBe('start');
    expect(
      textNamed(wide, 'a LeNet-5 trained for one short pass').x - 36 * 12 * 0.6,
    ).toBeGreaterThanOrEqual(0);
  });

  it('rejects a rate given in percent', () => {
    expect(() => comparisonChartFigure({ entries: [{ label: 'x', errorRate: 1.2 }] })).toThrow(
      FigureInputError,
    );
  });
});
