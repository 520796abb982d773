/** What {@link drawLineChart} draws. */
export interface LineChart {
  /** The one line that says what the chart shows: its title, and the canvas's accessible name. */
  readonly title: string;
  /** One value per batch. */
  readonly values: readonly number[];
  /** Draws the values in grey under their running mean (a noisy series such as the loss). Default false. */
  readonly smooth?: boolean;
  /** Shows the values as percentages (0.25 as 25%). Default false. */
  readonly percent?: boolean;
}

const width = 560;
const height = 160;
const lineColor = '#1b9e77';

/**
 * Draws a series over the batches of a training run as one line (or a grey line under its
 * running mean), with its title and the top of its scale: the quick live view that a
 * per-epoch chart cannot give after a few hundred images. Shows the canvas.
 */
export function drawLineChart(canvas: HTMLCanvasElement, chart: LineChart): void {
  canvas.width = width;
  canvas.height = height;
  canvas.hidden = false;
  canvas.setAttribute('aria-label', chart.title);
  const context = canvas.getContext('2d');
  const { values } = chart;
  if (context === null || values.length === 0) return;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  const top = Math.max(...values.filter(Number.isFinite), 1e-6);
  const x = (index: number) => 40 + (index / Math.max(1, values.length - 1)) * (width - 50);
  const y = (value: number) => height - 20 - (Math.min(value, top) / top) * (height - 40);
  const scale = chart.percent === true ? `${(top * 100).toPrecision(3)}%` : top.toPrecision(3);
  context.fillStyle = '#333333';
  context.font = '12px sans-serif';
  context.fillText(`${chart.title} (top ${scale}), ${values.length} batches`, 40, 14);
  context.lineWidth = 2;
  if (chart.smooth !== true) {
    context.strokeStyle = lineColor;
    trace(context, values, x, y);
    return;
  }
  context.strokeStyle = '#bbbbbb';
  context.lineWidth = 1;
  trace(context, values, x, y);
  let mean = values[0] ?? 0;
  context.strokeStyle = lineColor;
  context.lineWidth = 2;
  trace(
    context,
    values.map((value) => (mean = 0.9 * mean + 0.1 * value)),
    x,
    y,
  );
}

function trace(
  context: CanvasRenderingContext2D,
  values: readonly number[],
  x: (index: number) => number,
  y: (value: number) => number,
): void {
  context.beginPath();
  values.forEach((value, index) => {
    if (index === 0) context.moveTo(x(index), y(value));
    else context.lineTo(x(index), y(value));
  });
  context.stroke();
}
