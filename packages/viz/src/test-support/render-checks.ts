import { expect } from 'vitest';
import { renderRaster } from '../raster/render-raster.js';
import type { RgbaImage } from '../raster/rgba-image.js';
import type { Scene, TextShape } from '../scene/scene.js';
import { renderSvg } from '../svg/render-svg.js';
import { encodePng } from '../png/encode-png.js';
import { glyphBoxes } from '../text/glyph-boxes.js';
import type { Box } from '../text/glyph-boxes.js';
import { textExtent } from '../text/text-columns.js';
import { decodePng } from './decode-png.js';
import { xmlProblem } from './xml-well-formed.js';

/** What a figure looks like through each back end: the decoded PNG and the SVG's problem, if any. */
export interface RenderedFigure {
  readonly png: RgbaImage;
  readonly svg: string;
  readonly svgProblem: string | undefined;
}

/** Renders a scene to PNG (decoded again by pngjs) and SVG, as the checks of every figure need. */
export function renderBoth(scene: Scene): RenderedFigure {
  const svg = renderSvg(scene);
  return { png: decodePng(encodePng(renderRaster(scene))), svg, svgProblem: xmlProblem(svg) };
}

/** The text shapes of a scene, in drawing order. */
export function texts(scene: Scene): TextShape[] {
  return scene.shapes.filter((shape): shape is TextShape => shape.kind === 'text');
}

/** The text shape with exactly this text; throws when there is none, so the test fails clearly. */
export function textNamed(scene: Scene, text: string): TextShape {
  const found = texts(scene).find((shape) => shape.text === text);
  if (found === undefined)
    throw new Error(
      `no text "${text}" in the scene; found ${texts(scene)
        .map((shape) => shape.text)
        .join(' | ')}`,
    );
  return found;
}

/** Asserts that a scene renders to a PNG of exactly its stated size and to well-formed SVG of that size. */
export function expectValidFigure(scene: Scene): void {
  const { png, svg, svgProblem } = renderBoth(scene);
  expect([png.width, png.height]).toEqual([scene.width, scene.height]);
  expect(svgProblem).toBeUndefined();
  expect(svg).toContain(`width="${scene.width}" height="${scene.height}"`);
}

/** The text shapes of a scene with exactly this text, in drawing order. */
export function textsNamed(scene: Scene, text: string): TextShape[] {
  return texts(scene).filter((shape) => shape.text === text);
}

/** The smallest box around some boxes. */
function boundingBox(boxes: readonly Box[]): Box {
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  return {
    x: left,
    y: top,
    width: Math.max(...boxes.map((box) => box.x + box.width)) - left,
    height: Math.max(...boxes.map((box) => box.y + box.height)) - top,
  };
}

/** The box of a text's ink in the PNG: its bitmap-font glyphs. */
export function pngTextBox(shape: TextShape): Box {
  return boundingBox(glyphBoxes(shape));
}

/**
 * The box a text takes in SVG and on a canvas, estimated as the figures lay text out: one
 * em tall around `y`, `textColumns` cells of 0.6 em long (a kana two), placed by `anchor`
 * and turned by `rotate`.
 */
export function svgTextBox(shape: TextShape): Box {
  const length = textExtent(shape.text, shape.size);
  const start = shape.anchor === 'middle' ? -length / 2 : shape.anchor === 'end' ? -length : 0;
  const across = shape.y - shape.size / 2;
  return shape.rotate === -90
    ? {
        x: shape.x - shape.size / 2,
        y: shape.y - start - length,
        width: shape.size,
        height: length,
      }
    : { x: shape.x + start, y: across, width: length, height: shape.size };
}

function overlap(first: Box, second: Box): boolean {
  return (
    first.x < second.x + second.width &&
    second.x < first.x + first.width &&
    first.y < second.y + second.height &&
    second.y < first.y + first.height
  );
}

/**
 * Asserts that every text of a scene lies inside its canvas, as the PNG draws it and as
 * SVG does, and that no two texts run into each other in either.
 */
export function expectLegibleText(scene: Scene): void {
  const shapes = texts(scene);
  for (const box of [pngTextBox, svgTextBox]) {
    const boxes = shapes.map(box);
    const outside = shapes.filter((_, index) => {
      const { x, y, width, height } = boxes[index]!;
      return x < 0 || y < 0 || x + width > scene.width || y + height > scene.height;
    });
    expect(outside.map((shape) => `${box.name}: ${shape.text}`)).toEqual([]);
    const crowded = shapes.flatMap((shape, index) =>
      shapes
        .slice(index + 1)
        .filter((_, offset) => overlap(boxes[index]!, boxes[index + 1 + offset]!))
        .map((other) => `${box.name}: "${shape.text}" on "${other.text}"`),
    );
    expect(crowded).toEqual([]);
  }
}
