import type { Scene, Shape } from '../scene/scene.js';
import { filledRect, polyline, textShape } from '../scene/shapes.js';
import { FigureInputError } from '../figure-input-error.js';
import { chartAxes, niceScale, project } from './chart-axes.js';
import type { PlotBox } from './chart-axes.js';
import { figureMargin, figureTitle, titleHeight } from './figure-title.js';

/** One pass of training: error rates as fractions (0.0095 is 0.95%). */
export interface LearningCurvePoint {
  /** The pass number (1 for the first pass over the training set). */
  readonly epoch: number;
  readonly trainError: number;
  /** Absent when the run did not test after this pass. */
  readonly testError?: number;
}

/** Input of {@link learningCurvesFigure}. */
export interface LearningCurvesFigureInput {
  readonly points: readonly LearningCurvePoint[];
  /** Default `Learning curves`. */
  readonly title?: string;
}

const trainColor = '#1b9e77';
const testColor = '#d95f02';

/**
 * Training and test error per pass, as in Fig. 5 of the paper: two lines over the passes,
 * error in percent.
 *
 * @throws {FigureInputError} When there are no points or an error rate is outside 0..1.
 * @see LeCun et al. 1998, Section III.C and Fig. 5.
 * @example
 * ```ts
 * const scene = learningCurvesFigure({ points: parseTrainingLog(await readFile('train.jsonl', 'utf8')) });
 * ```
 */
export function learningCurvesFigure(input: LearningCurvesFigureInput): Scene {
  const points = [...input.points].sort((first, second) => first.epoch - second.epoch);
  checkPoints(points);
  const box: PlotBox = {
    x: figureMargin + 64,
    y: figureMargin + titleHeight + 10,
    width: 460,
    height: 240,
  };
  const rates = points.flatMap((point) => [point.trainError, point.testError ?? 0]);
  const xScale = niceScale(
    Math.min(...points.map((point) => point.epoch)),
    Math.max(...points.map((point) => point.epoch)),
    6,
    1,
  );
  const yScale = niceScale(0, Math.max(...rates) * 100, 5);
  const shapes: Shape[] = figureTitle(
    input.title ?? 'Learning curves',
    'error rate after each pass over the training set',
  );
  shapes.push(
    ...chartAxes(box, xScale, yScale, {
      x: 'pass (epoch)',
      y: 'error (%)',
      formatX: String,
      formatY: (value) => `${value}`,
    }),
  );
  const series = [
    {
      label: 'training',
      color: trainColor,
      values: points.map((point) => [point.epoch, point.trainError] as const),
    },
    {
      label: 'test',
      color: testColor,
      values: points.flatMap((point) =>
        point.testError === undefined ? [] : [[point.epoch, point.testError] as const],
      ),
    },
  ];
  series.forEach((line, index) => {
    const coordinates = line.values.flatMap(([epoch, rate]) =>
      project(box, xScale, yScale, epoch, rate * 100),
    );
    shapes.push(polyline(coordinates, line.color, 2));
    for (let point = 0; point < coordinates.length; point += 2) {
      shapes.push({
        kind: 'circle',
        x: coordinates[point] ?? 0,
        y: coordinates[point + 1] ?? 0,
        radius: 3,
        fill: line.color,
      });
    }
    const legendY = box.y + 8 + index * 18;
    shapes.push(filledRect(box.x + box.width - 96, legendY - 1.5, 16, 3, line.color));
    shapes.push(textShape(box.x + box.width - 74, legendY, line.label, { size: 12 }));
  });
  return {
    width: box.x + box.width + figureMargin + 8,
    height: box.y + box.height + 44 + figureMargin,
    background: '#ffffff',
    shapes,
  };
}

function checkPoints(points: readonly LearningCurvePoint[]): void {
  if (points.length === 0) {
    throw new FigureInputError({
      field: 'points',
      expected: 'at least one pass',
      actual: 'none',
      hint: 'Pass the records of a training log.',
    });
  }
  points.forEach((point, index) => {
    for (const rate of [point.trainError, point.testError ?? 0]) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new FigureInputError({
          field: `points[${index}]`,
          expected: 'error rates as fractions in 0..1 (0.0095 for 0.95%)',
          actual: String(rate),
        });
      }
    }
  });
}
