import type { Shape } from '../scene/scene.js';
import { mutedColor, polyline, textShape } from '../scene/shapes.js';

/** The plotting box of a chart, in scene pixels. */
export interface PlotBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A numeric axis: its range and the tick values to label. */
export interface AxisScale {
  readonly low: number;
  readonly high: number;
  readonly ticks: readonly number[];
}

/**
 * Round tick values from `low` to at least `high`, about `count` of them, stepping by 1, 2
 * or 5 times a power of ten, and by at least `minimumStep` (1 for whole passes).
 */
export function niceScale(low: number, high: number, count = 5, minimumStep = 0): AxisScale {
  const span = high > low ? high - low : Math.abs(high) || 1;
  const rough = Math.max(span / count, minimumStep);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((factor) => factor * power >= rough) ?? 10) * power;
  const start = Math.floor(low / step) * step;
  const end = Math.max(start + step, Math.ceil(high / step) * step);
  const ticks: number[] = [];
  for (let tick = start; tick <= end + step / 2; tick += step)
    ticks.push(Number((Math.round(tick / step) * step).toPrecision(12)));
  return { low: start, high: end, ticks };
}

/** Maps a value onto the box: x grows to the right, y grows upwards. */
export function project(
  box: PlotBox,
  xScale: AxisScale,
  yScale: AxisScale,
  x: number,
  y: number,
): [number, number] {
  return [
    box.x + ((x - xScale.low) / (xScale.high - xScale.low || 1)) * box.width,
    box.y + box.height - ((y - yScale.low) / (yScale.high - yScale.low || 1)) * box.height,
  ];
}

/** Labels of the two axes and how tick values are written. */
export interface AxesLabels {
  readonly x: string;
  readonly y: string;
  readonly formatX: (value: number) => string;
  readonly formatY: (value: number) => string;
}

/** Horizontal grid lines at the y ticks, the two axes, tick labels and axis titles. */
export function chartAxes(
  box: PlotBox,
  xScale: AxisScale,
  yScale: AxisScale,
  labels: AxesLabels,
): Shape[] {
  const shapes: Shape[] = [];
  const bottom = box.y + box.height;
  for (const tick of yScale.ticks) {
    const [, y] = project(box, xScale, yScale, xScale.low, tick);
    shapes.push(polyline([box.x, y, box.x + box.width, y], '#e6e6e6'));
    shapes.push(
      textShape(box.x - 6, y, labels.formatY(tick), { size: 11, anchor: 'end', color: mutedColor }),
    );
  }
  for (const tick of xScale.ticks) {
    const [x] = project(box, xScale, yScale, tick, yScale.low);
    shapes.push(polyline([x, bottom, x, bottom + 4], mutedColor));
    shapes.push(
      textShape(x, bottom + 13, labels.formatX(tick), {
        size: 11,
        anchor: 'middle',
        color: mutedColor,
      }),
    );
  }
  shapes.push(polyline([box.x, box.y, box.x, bottom, box.x + box.width, bottom], mutedColor));
  shapes.push(
    textShape(box.x + box.width / 2, bottom + 32, labels.x, { size: 12, anchor: 'middle' }),
  );
  shapes.push(
    textShape(box.x - 46, box.y + box.height / 2, labels.y, {
      size: 12,
      anchor: 'middle',
      rotate: -90,
    }),
  );
  return shapes;
}
