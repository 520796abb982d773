import { describe, expect, it } from 'vitest';
import { colorizeValues } from '../color/color-maps.js';
import type { Scene, Shape } from '../scene/scene.js';
import { filledRect, imageShape, outlinedRect, polyline, textShape } from '../scene/shapes.js';
import { renderRaster } from './render-raster.js';
import { pixelAt } from './rgba-image.js';

function scene(shapes: Shape[], width = 20, height = 20): Scene {
  return { width, height, background: '#ffffff', shapes };
}

describe('renderRaster', () => {
  it('renders a 2x2 map with the expected colours at the expected places', () => {
    const pixels = colorizeValues([0, 1, 2, 3], [0, 3], 'greys');
    const image = renderRaster(
      scene([imageShape({ x: 4, y: 6, width: 10, height: 10 }, 2, 2, pixels)]),
    );
    expect(pixelAt(image, 5, 7)).toEqual([255, 255, 255, 255]);
    expect(pixelAt(image, 13, 7)).toEqual([170, 170, 170, 255]);
    expect(pixelAt(image, 5, 15)).toEqual([85, 85, 85, 255]);
    expect(pixelAt(image, 13, 15)).toEqual([0, 0, 0, 255]);
    expect(pixelAt(image, 8, 10)).toEqual([255, 255, 255, 255]);
    expect(pixelAt(image, 9, 10)).toEqual([170, 170, 170, 255]);
    expect(pixelAt(image, 8, 11)).toEqual([85, 85, 85, 255]);
    expect(pixelAt(image, 3, 15)).toEqual([255, 255, 255, 255]);
  });

  it('fills a rectangle on whole pixels exactly and leaves its surroundings alone', () => {
    const image = renderRaster(scene([filledRect(2, 3, 4, 5, '#ff0000')]));
    expect(pixelAt(image, 2, 3)).toEqual([255, 0, 0, 255]);
    expect(pixelAt(image, 5, 7)).toEqual([255, 0, 0, 255]);
    expect(pixelAt(image, 6, 7)).toEqual([255, 255, 255, 255]);
    expect(pixelAt(image, 2, 8)).toEqual([255, 255, 255, 255]);
  });

  it('blends a rectangle edge that covers half a pixel half-way', () => {
    const image = renderRaster(scene([filledRect(2.5, 0, 2, 1, '#000000')]));
    expect(pixelAt(image, 2, 0)).toEqual([128, 128, 128, 255]);
    expect(pixelAt(image, 3, 0)).toEqual([0, 0, 0, 255]);
    expect(pixelAt(image, 4, 0)).toEqual([128, 128, 128, 255]);
  });

  it('draws an outline inside the rectangle and keeps its inside empty', () => {
    const image = renderRaster(scene([outlinedRect(2, 2, 10, 10, '#0000ff', 2)]));
    expect(pixelAt(image, 3, 7)).toEqual([0, 0, 255, 255]);
    expect(pixelAt(image, 7, 11)).toEqual([0, 0, 255, 255]);
    expect(pixelAt(image, 7, 7)).toEqual([255, 255, 255, 255]);
  });

  it('draws a line along its path only', () => {
    const image = renderRaster(scene([polyline([2, 10.5, 18, 10.5], '#000000', 1)]));
    expect(pixelAt(image, 10, 10)).toEqual([0, 0, 0, 255]);
    expect(pixelAt(image, 10, 13)).toEqual([255, 255, 255, 255]);
  });

  it('puts the ink of a text inside the box its size promises, left of its end anchor', () => {
    const image = renderRaster(
      scene([textShape(60, 10, 'LeNet', { size: 20, anchor: 'end', color: '#000000' })], 80, 20),
    );
    const inked: number[] = [];
    for (let x = 0; x < 80; x += 1)
      for (let y = 0; y < 20; y += 1) if (pixelAt(image, x, y)[0] < 128) inked.push(x);
    expect(inked.length).toBeGreaterThan(40);
    expect(Math.min(...inked)).toBeGreaterThanOrEqual(60 - 5 * 12);
    expect(Math.max(...inked)).toBeLessThan(60);
  });

  it('scales the whole scene with the scale option', () => {
    const image = renderRaster(scene([filledRect(1, 1, 1, 1, '#000000')], 4, 3), { scale: 2 });
    expect([image.width, image.height]).toEqual([8, 6]);
    expect(pixelAt(image, 3, 3)).toEqual([0, 0, 0, 255]);
    expect(pixelAt(image, 4, 3)).toEqual([255, 255, 255, 255]);
  });
});
