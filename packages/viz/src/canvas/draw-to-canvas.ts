import { rgbToHex } from '../color/rgb.js';
import type { ImageShape, Scene, Shape, TextShape } from '../scene/scene.js';
import { fontFamily } from '../svg/render-svg.js';

/** The part of `CanvasRenderingContext2D` that {@link drawToCanvas} uses. */
export type CanvasTarget = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineJoin'
  | 'lineCap'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'save'
  | 'restore'
  | 'translate'
  | 'rotate'
  | 'fillRect'
  | 'strokeRect'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'arc'
  | 'fill'
  | 'stroke'
  | 'fillText'
>;

/**
 * Paints a scene on an HTML canvas (or `OffscreenCanvas`) 2D context at (0, 0) in scene
 * units; scale the context first for high-density screens. Imports nothing from Node.
 *
 * @example
 * ```ts
 * const canvas = document.querySelector('canvas')!;
 * const scene = activationsFigure({ layers });
 * canvas.width = scene.width;
 * canvas.height = scene.height;
 * drawToCanvas(scene, canvas.getContext('2d')!);
 * ```
 */
export function drawToCanvas(scene: Scene, context: CanvasTarget): void {
  context.save();
  context.fillStyle = scene.background;
  context.fillRect(0, 0, scene.width, scene.height);
  for (const shape of scene.shapes) drawShape(context, shape);
  context.restore();
}

function drawShape(context: CanvasTarget, shape: Shape): void {
  switch (shape.kind) {
    case 'rect':
      if (shape.fill !== undefined) {
        context.fillStyle = shape.fill;
        context.fillRect(shape.x, shape.y, shape.width, shape.height);
      }
      if (shape.stroke !== undefined) {
        const width = shape.strokeWidth ?? 1;
        context.strokeStyle = shape.stroke;
        context.lineWidth = width;
        context.strokeRect(
          shape.x + width / 2,
          shape.y + width / 2,
          shape.width - width,
          shape.height - width,
        );
      }
      return;
    case 'line':
      context.strokeStyle = shape.stroke;
      context.lineWidth = shape.strokeWidth;
      context.lineJoin = 'round';
      context.lineCap = 'round';
      context.beginPath();
      for (let index = 0; index + 1 < shape.points.length; index += 2) {
        const [x, y] = [shape.points[index] ?? 0, shape.points[index + 1] ?? 0];
        if (index === 0) context.moveTo(x, y);
        else context.lineTo(x, y);
      }
      context.stroke();
      return;
    case 'circle':
      context.fillStyle = shape.fill;
      context.beginPath();
      context.arc(shape.x, shape.y, shape.radius, 0, 2 * Math.PI);
      context.fill();
      return;
    case 'text':
      drawText(context, shape);
      return;
    case 'image':
      drawImage(context, shape);
      return;
  }
}

function drawText(context: CanvasTarget, shape: TextShape): void {
  context.save();
  context.translate(shape.x, shape.y);
  if (shape.rotate === -90) context.rotate(-Math.PI / 2);
  context.fillStyle = shape.color;
  context.font = `${shape.bold === true ? 'bold ' : ''}${shape.size}px ${fontFamily}`;
  context.textAlign = shape.anchor === 'middle' ? 'center' : shape.anchor;
  context.textBaseline = 'middle';
  context.fillText(shape.text, 0, 0);
  context.restore();
}

// One fillRect per cell: hard edges at any scale, and no ImageData or second canvas, so it
// works on any 2D context. Each cell reaches half a unit into the next one, which is painted
// over it, so a scaled context shows no hairline seams between cells.
const seamOverlap = 0.5;

function drawImage(context: CanvasTarget, shape: ImageShape): void {
  const cellWidth = shape.width / shape.columns;
  const cellHeight = shape.height / shape.rows;
  for (let row = 0; row < shape.rows; row += 1) {
    for (let column = 0; column < shape.columns; column += 1) {
      const offset = (row * shape.columns + column) * 3;
      context.fillStyle = rgbToHex([
        shape.pixels[offset] ?? 0,
        shape.pixels[offset + 1] ?? 0,
        shape.pixels[offset + 2] ?? 0,
      ]);
      const overlapX = column + 1 < shape.columns ? seamOverlap : 0;
      const overlapY = row + 1 < shape.rows ? seamOverlap : 0;
      context.fillRect(
        shape.x + column * cellWidth,
        shape.y + row * cellHeight,
        cellWidth + overlapX,
        cellHeight + overlapY,
      );
    }
  }
}
