import { describe, expect, it } from 'vitest';
import { FigureInputError } from '../figure-input-error.js';
import type { LineShape } from '../scene/scene.js';
import { expectValidFigure, textNamed, texts } from '../test-support/render-checks.js';
import { learningCurvesFigure } from './learning-curves-figure.js';
import { parseTrainingLog } from './training-log.js';

const points = [
  { epoch: 1, trainError: 0.04, testError: 0.03 },
  { epoch: 2, trainError: 0.02, testError: 0.02 },
  { epoch: 3, trainError: 0.01 },
];

describe('learningCurvesFigure', () => {
  const scene = learningCurvesFigure({ points });
  const lines = scene.shapes.filter(
    (shape): shape is LineShape => shape.kind === 'line' && shape.strokeWidth === 2,
  );

  it('draws one line per series through every recorded pass', () => {
    const [train, test] = lines;
    expect(train?.points).toHaveLength(6);
    expect(test?.points).toHaveLength(4);
  });

  it('places the points by pass and error: equal errors at equal heights, halving the error halves the height', () => {
    const [train, test] = lines;
    const zeroLine = textNamed(scene, '0').y;
    expect(train?.points[3]).toBeCloseTo(test?.points[3] ?? Number.NaN, 9);
    const height = (y: number | undefined): number => zeroLine - (y ?? Number.NaN);
    expect(height(train?.points[5]) / height(train?.points[3])).toBeCloseTo(0.5, 9);
    expect(train?.points[2]).toBeGreaterThan(train?.points[0] ?? Infinity);
  });

  it('labels the axes in percent and passes', () => {
    expect(textNamed(scene, 'error (%)').rotate).toBe(-90);
    expect(textNamed(scene, 'pass (epoch)')).toBeDefined();
    expect(textNamed(scene, '4')).toBeDefined();
    expect(texts(scene).some((text) => text.text === '1.5')).toBe(false);
  });

  it('is a valid PNG and SVG of its stated size', () => {
    expectValidFigure(scene);
  });

  it('rejects an empty log and error rates in percent', () => {
    expect(() => learningCurvesFigure({ points: [] })).toThrow(FigureInputError);
    expect(() => learningCurvesFigure({ points: [{ epoch: 1, trainError: 4 }] })).toThrow(
      /fractions in 0\.\.1/,
    );
  });
});

describe('parseTrainingLog', () => {
  it('keeps the records with an epoch and a training error and skips everything else', () => {
    const log = [
      '{"type":"settings","batchSize":1}',
      '{"epoch":1,"trainError":0.05,"testError":0.04,"seconds":12}',
      'not json',
      '',
      '{"epoch":2,"trainError":0.03}',
      '{"epoch":"3","trainError":0.02}',
      '{"epoch":3,"trainError":0.02,"testError":null}',
    ].join('\n');
    expect(parseTrainingLog(log)).toEqual([
      { epoch: 1, trainError: 0.05, testError: 0.04 },
      { epoch: 2, trainError: 0.03 },
      { epoch: 3, trainError: 0.02 },
    ]);
  });

  it('labels the pass axis with whole passes only, even for a two-pass run', () => {
    const scene = learningCurvesFigure({
      points: [
        { epoch: 1, trainError: 0.9, testError: 0.84 },
        { epoch: 2, trainError: 0.91, testError: 0.9 },
      ],
    });
    const labels = scene.shapes.flatMap((shape) => (shape.kind === 'text' ? [shape.text] : []));
    expect(labels).toContain('1');
    expect(labels).toContain('2');
    expect(labels.filter((text) => /^\d+\.\d+$/.test(text))).toEqual([]);
  });
});
