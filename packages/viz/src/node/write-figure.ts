import { deflateSync } from 'node:zlib';
import { encodePng } from '../png/encode-png.js';
import { renderRaster } from '../raster/render-raster.js';
import type { RenderRasterOptions } from '../raster/render-raster.js';
import type { Scene } from '../scene/scene.js';
import { renderSvg } from '../svg/render-svg.js';
import { writeFileAtomic } from '@lenet/common/node';

/**
 * Renders a scene to compressed PNG bytes (pure JavaScript raster, `node:zlib` deflate).
 *
 * @param options - `scale`: pixels per scene unit (default 1).
 */
export function renderPng(scene: Scene, options: RenderRasterOptions = {}): Uint8Array {
  return encodePng(renderRaster(scene, options), {
    compress: (bytes) => deflateSync(bytes, { level: 9 }),
  });
}

/**
 * Writes a scene as a PNG file, atomically (temporary file, then rename).
 *
 * @param options - `scale`: pixels per scene unit (default 1).
 * @example
 * ```ts
 * import { confusionMatrixFigure } from '@lenet/viz';
 * import { writePng } from '@lenet/viz/node';
 * await writePng(confusionMatrixFigure({ matrix }), 'out/confusion.png');
 * ```
 */
export async function writePng(
  scene: Scene,
  path: string,
  options: RenderRasterOptions = {},
): Promise<void> {
  await writeFileAtomic(path, renderPng(scene, options));
}

/** Writes a scene as an SVG file, atomically (temporary file, then rename). */
export async function writeSvg(scene: Scene, path: string): Promise<void> {
  await writeFileAtomic(path, renderSvg(scene));
}
