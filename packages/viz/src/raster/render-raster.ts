import { parseHexColor } from '../color/rgb.js';
import type {
  CircleShape,
  ImageShape,
  LineShape,
  RectShape,
  Scene,
  Shape,
  TextShape,
} from '../scene/scene.js';
import { glyphBoxes } from '../text/glyph-boxes.js';
import { CoverageMask } from './coverage-mask.js';
import { blendPixel, createRgbaImage } from './rgba-image.js';
import type { RgbaImage } from './rgba-image.js';

/** Options of {@link renderRaster}. */
export interface RenderRasterOptions {
  /** Pixels per scene unit, e.g. 2 for a sharp image on high-density screens. Default 1. */
  readonly scale?: number;
}

/**
 * Paints a scene into an RGBA image in pure JavaScript (no canvas, no native code), with
 * anti-aliased edges, lines and text (a built-in bitmap font).
 *
 * @returns An image of `round(scene.width * scale) x round(scene.height * scale)` pixels.
 * @example
 * ```ts
 * const image = renderRaster(confusionMatrixFigure({ matrix }), { scale: 2 });
 * ```
 */
export function renderRaster(scene: Scene, options: RenderRasterOptions = {}): RgbaImage {
  const scale = options.scale ?? 1;
  const image = createRgbaImage(
    Math.round(scene.width * scale),
    Math.round(scene.height * scale),
    parseHexColor(scene.background),
  );
  for (const shape of scene.shapes) drawShape(image, shape, scale);
  return image;
}

function drawShape(image: RgbaImage, shape: Shape, scale: number): void {
  switch (shape.kind) {
    case 'rect':
      drawRect(image, shape, scale);
      return;
    case 'line':
      drawLine(image, shape, scale);
      return;
    case 'circle':
      drawCircle(image, shape, scale);
      return;
    case 'text':
      drawText(image, shape, scale);
      return;
    case 'image':
      drawImage(image, shape, scale);
      return;
  }
}

function drawRect(image: RgbaImage, shape: RectShape, scale: number): void {
  const [x, y, width, height] = [
    shape.x * scale,
    shape.y * scale,
    shape.width * scale,
    shape.height * scale,
  ];
  if (shape.fill !== undefined) {
    const mask = new CoverageMask(image, x, y, x + width, y + height);
    mask.addRect(x, y, width, height);
    mask.blendInto(image, parseHexColor(shape.fill));
  }
  if (shape.stroke !== undefined) {
    const inset = Math.min((shape.strokeWidth ?? 1) * scale, width / 2, height / 2);
    const mask = new CoverageMask(image, x, y, x + width, y + height);
    mask.addRect(x, y, width, inset);
    mask.addRect(x, y + height - inset, width, inset);
    mask.addRect(x, y + inset, inset, height - 2 * inset);
    mask.addRect(x + width - inset, y + inset, inset, height - 2 * inset);
    mask.blendInto(image, parseHexColor(shape.stroke));
  }
}

function drawLine(image: RgbaImage, shape: LineShape, scale: number): void {
  const points = shape.points.map((value) => value * scale);
  const half = (shape.strokeWidth * scale) / 2;
  const xs = points.filter((_, index) => index % 2 === 0);
  const ys = points.filter((_, index) => index % 2 === 1);
  if (xs.length < 2) return;
  const mask = new CoverageMask(
    image,
    Math.min(...xs) - half - 1,
    Math.min(...ys) - half - 1,
    Math.max(...xs) + half + 1,
    Math.max(...ys) + half + 1,
  );
  mask.addByDistance((px, py) => {
    let nearest = Infinity;
    for (let index = 0; index + 1 < xs.length; index += 1) {
      nearest = Math.min(
        nearest,
        distanceToSegment(
          px,
          py,
          xs[index] ?? 0,
          ys[index] ?? 0,
          xs[index + 1] ?? 0,
          ys[index + 1] ?? 0,
        ),
      );
    }
    return Math.min(1, Math.max(0, half + 0.5 - nearest));
  });
  mask.blendInto(image, parseHexColor(shape.stroke));
}

function distanceToSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function drawCircle(image: RgbaImage, shape: CircleShape, scale: number): void {
  const [x, y, radius] = [shape.x * scale, shape.y * scale, shape.radius * scale];
  const mask = new CoverageMask(
    image,
    x - radius - 1,
    y - radius - 1,
    x + radius + 1,
    y + radius + 1,
  );
  mask.addByDistance((px, py) =>
    Math.min(1, Math.max(0, radius + 0.5 - Math.hypot(px - x, py - y))),
  );
  mask.blendInto(image, parseHexColor(shape.fill));
}

function drawText(image: RgbaImage, shape: TextShape, scale: number): void {
  const boxes = glyphBoxes(shape);
  if (boxes.length === 0) return;
  const mask = new CoverageMask(
    image,
    Math.min(...boxes.map((box) => box.x)) * scale,
    Math.min(...boxes.map((box) => box.y)) * scale,
    Math.max(...boxes.map((box) => box.x + box.width)) * scale,
    Math.max(...boxes.map((box) => box.y + box.height)) * scale,
  );
  for (const box of boxes)
    mask.addRect(box.x * scale, box.y * scale, box.width * scale, box.height * scale);
  mask.blendInto(image, parseHexColor(shape.color));
}

function drawImage(image: RgbaImage, shape: ImageShape, scale: number): void {
  const [x, y, width, height] = [
    shape.x * scale,
    shape.y * scale,
    shape.width * scale,
    shape.height * scale,
  ];
  for (
    let row = Math.max(0, Math.round(y));
    row < Math.min(image.height, Math.round(y + height));
    row += 1
  ) {
    const sourceRow = Math.min(shape.rows - 1, Math.floor(((row + 0.5 - y) / height) * shape.rows));
    for (
      let column = Math.max(0, Math.round(x));
      column < Math.min(image.width, Math.round(x + width));
      column += 1
    ) {
      const sourceColumn = Math.min(
        shape.columns - 1,
        Math.floor(((column + 0.5 - x) / width) * shape.columns),
      );
      const offset = (sourceRow * shape.columns + sourceColumn) * 3;
      const { pixels } = shape;
      blendPixel(
        image,
        column,
        row,
        [pixels[offset] ?? 0, pixels[offset + 1] ?? 0, pixels[offset + 2] ?? 0],
        1,
      );
    }
  }
}
