import { describe, expect, it } from 'vitest';
import { colorizeValues } from '../color/color-maps.js';
import { filledRect, imageShape, polyline, textShape } from '../scene/shapes.js';
import { decodePng } from '../test-support/decode-png.js';
import { xmlProblem } from '../test-support/xml-well-formed.js';
import { base64 } from './base64.js';
import { escapeXml, renderSvg } from './render-svg.js';

describe('renderSvg', () => {
  const scene = {
    width: 120,
    height: 80,
    background: '#fafafa',
    shapes: [
      filledRect(1, 2, 30, 40, '#ff0000'),
      polyline([0, 0, 10, 10, 20, 0], '#00ff00', 2),
      textShape(60, 40, '4->6 & <b>', { size: 14, anchor: 'middle', rotate: -90 }),
      imageShape(
        { x: 50, y: 10, width: 20, height: 20 },
        2,
        2,
        colorizeValues([0, 1, 2, 3], [0, 3], 'greys'),
      ),
    ],
  };
  const svg = renderSvg(scene);

  it('is well-formed XML with the stated size', () => {
    expect(xmlProblem(svg)).toBeUndefined();
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="120" height="80" viewBox="0 0 120 80">/,
    );
  });

  it('writes each shape with its geometry and colour', () => {
    expect(svg).toContain('<rect width="120" height="80" fill="#fafafa"/>');
    expect(svg).toContain('<rect x="1" y="2" width="30" height="40" fill="#ff0000"/>');
    expect(svg).toContain('points="0 0 10 10 20 0"');
    expect(svg).toContain('transform="rotate(-90 60 40)"');
    expect(svg).toContain('text-anchor="middle"');
  });

  it('escapes text', () => {
    expect(svg).toContain('>4-&#62;6 &#38; &#60;b&#62;</text>');
  });

  it('embeds an image as a PNG of its cells with the cell colours in place', () => {
    const match = /href="data:image\/png;base64,([^"]+)"/.exec(svg);
    const png = decodePng(new Uint8Array(Buffer.from(match?.[1] ?? '', 'base64')));
    expect([png.width, png.height]).toEqual([2, 2]);
    expect(Array.from(png.data)).toEqual([
      255, 255, 255, 255, 170, 170, 170, 255, 85, 85, 85, 255, 0, 0, 0, 255,
    ]);
  });
});

describe('base64', () => {
  it("matches Node's Buffer for every padding case", () => {
    for (const text of ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar']) {
      const bytes = new TextEncoder().encode(text);
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});

describe('escapeXml', () => {
  it('escapes the five special characters and nothing else', () => {
    expect(escapeXml(`a<b>&"'c`)).toBe('a&#60;b&#62;&#38;&#34;&#39;c');
  });
});
