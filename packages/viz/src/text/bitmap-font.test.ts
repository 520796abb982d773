import { describe, expect, it } from 'vitest';
import { renderRaster } from '../raster/render-raster.js';
import { textShape } from '../scene/shapes.js';
import { bitmapFontText } from './bitmap-font.js';
import { textColumns } from './text-columns.js';

describe('bitmapFontText', () => {
  it('keeps printable ASCII as it is', () => {
    expect(bitmapFontText('T-shirt/top ~ (x) 0..9')).toBe('T-shirt/top ~ (x) 0..9');
  });

  it('draws a KMNIST name by its romanisation, wherever it stands in the text', () => {
    expect(bitmapFontText('お (o)')).toBe('(o)');
    expect(bitmapFontText('true き (ki), read as を (wo)')).toBe('true (ki), read as (wo)');
    expect(bitmapFontText('お き (o ki)')).toBe('(o ki)');
  });

  it('draws any other character it has no glyph for as ?', () => {
    expect(bitmapFontText('Ünïcode')).toBe('?n?code');
    expect(bitmapFontText('漢字 (かんじ)')).toBe('?? (???)');
    expect(bitmapFontText('𠀋')).toBe('?');
  });

  it('is what the PNG paints: a kana name looks like its romanisation', () => {
    const scene = (text: string) => ({
      width: 60,
      height: 20,
      background: '#ffffff',
      shapes: [textShape(30, 10, text, { anchor: 'middle' })],
    });
    const kana = renderRaster(scene('お (o)'));
    expect(kana.data).toEqual(renderRaster(scene('(o)')).data);
    expect(kana.data).not.toEqual(renderRaster(scene('?')).data);
  });
});

describe('textColumns', () => {
  it('counts a cell per character and two per East Asian wide one', () => {
    expect(textColumns('Ankle boot')).toBe(10);
    expect(textColumns('お (o)')).toBe(6);
    expect(textColumns('漢字𠀋')).toBe(6);
    expect(textColumns('Ünïcode')).toBe(7);
  });
});
