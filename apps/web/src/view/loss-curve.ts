/**
 * Draws the training loss per batch as a line (with its running mean), the quick live view
 * that a per-epoch chart cannot give after a few hundred images.
 */
export function drawLossCurve(canvas: HTMLCanvasElement, losses: readonly number[]): void {
  const width = 560;
  const height = 160;
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (context === null || losses.length === 0) return;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  const top = Math.max(...losses.filter(Number.isFinite), 1e-6);
  const x = (index: number) => 40 + (index / Math.max(1, losses.length - 1)) * (width - 50);
  const y = (value: number) => height - 20 - (Math.min(value, top) / top) * (height - 40);
  context.fillStyle = '#333333';
  context.font = '12px sans-serif';
  context.fillText(`loss per batch (max ${top.toPrecision(3)}), ${losses.length} batches`, 40, 14);
  context.strokeStyle = '#bbbbbb';
  trace(context, losses, x, y);
  let mean = losses[0] ?? 0;
  context.strokeStyle = '#1b9e77';
  context.lineWidth = 2;
  trace(
    context,
    losses.map((value) => (mean = 0.9 * mean + 0.1 * value)),
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
