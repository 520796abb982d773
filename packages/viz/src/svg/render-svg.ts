import { encodePng } from '../png/encode-png.js';
import type { ImageShape, Scene, Shape, TextShape } from '../scene/scene.js';
import { base64 } from './base64.js';

/** The font stack of text in SVG and canvas output: monospace, 0.6 em per character. */
export const fontFamily = "'DejaVu Sans Mono', Menlo, Consolas, monospace";

/**
 * Writes a scene as a standalone SVG document (vector shapes and real text; images are
 * embedded as small PNGs drawn with hard pixel edges). Works in any runtime.
 *
 * @returns The SVG markup, `scene.width x scene.height` user units.
 * @example
 * ```ts
 * const svg = renderSvg(comparisonChartFigure({ entries: [{ label: 'ours', errorRate: 0.011 }] }));
 * ```
 */
export function renderSvg(scene: Scene): string {
  const body = scene.shapes.map(shapeMarkup).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}">`,
    `<rect width="${scene.width}" height="${scene.height}" fill="${scene.background}"/>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}

function number(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function shapeMarkup(shape: Shape): string {
  switch (shape.kind) {
    case 'rect': {
      const fill = `fill="${shape.fill ?? 'none'}"`;
      const inset = shape.stroke === undefined ? 0 : (shape.strokeWidth ?? 1) / 2;
      const stroke =
        shape.stroke === undefined
          ? ''
          : ` stroke="${shape.stroke}" stroke-width="${number(inset * 2)}"`;
      return `<rect x="${number(shape.x + inset)}" y="${number(shape.y + inset)}" width="${number(shape.width - 2 * inset)}" height="${number(shape.height - 2 * inset)}" ${fill}${stroke}/>`;
    }
    case 'line':
      return `<polyline points="${shape.points.map(number).join(' ')}" fill="none" stroke="${shape.stroke}" stroke-width="${number(shape.strokeWidth)}" stroke-linejoin="round" stroke-linecap="round"/>`;
    case 'circle':
      return `<circle cx="${number(shape.x)}" cy="${number(shape.y)}" r="${number(shape.radius)}" fill="${shape.fill}"/>`;
    case 'text':
      return textMarkup(shape);
    case 'image':
      return imageMarkup(shape);
  }
}

function textMarkup(shape: TextShape): string {
  const rotate =
    shape.rotate === -90 ? ` transform="rotate(-90 ${number(shape.x)} ${number(shape.y)})"` : '';
  const weight = shape.bold === true ? ' font-weight="bold"' : '';
  return `<text x="${number(shape.x)}" y="${number(shape.y)}" font-family="${fontFamily}" font-size="${number(shape.size)}" fill="${shape.color}" text-anchor="${shape.anchor}" dominant-baseline="central"${weight}${rotate}>${escapeXml(shape.text)}</text>`;
}

function imageMarkup(shape: ImageShape): string {
  const data = new Uint8ClampedArray(shape.columns * shape.rows * 4);
  for (let cell = 0; cell < shape.columns * shape.rows; cell += 1) {
    data.set(shape.pixels.subarray(cell * 3, cell * 3 + 3), cell * 4);
    data[cell * 4 + 3] = 255;
  }
  const png = encodePng({ width: shape.columns, height: shape.rows, data });
  return `<image x="${number(shape.x)}" y="${number(shape.y)}" width="${number(shape.width)}" height="${number(shape.height)}" preserveAspectRatio="none" image-rendering="optimizeSpeed" style="image-rendering:pixelated" href="data:image/png;base64,${base64(png)}"/>`;
}

/** Escapes the five XML special characters. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
