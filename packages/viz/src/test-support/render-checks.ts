import { expect } from 'vitest';
import { renderRaster } from '../raster/render-raster.js';
import type { RgbaImage } from '../raster/rgba-image.js';
import type { Scene, TextShape } from '../scene/scene.js';
import { renderSvg } from '../svg/render-svg.js';
import { encodePng } from '../png/encode-png.js';
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
