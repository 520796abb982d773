import { describe, expect, it } from 'vitest';
import { colorizeValues } from '../color/color-maps.js';
import { filledRect, imageShape, textShape } from '../scene/shapes.js';
import { recordingCanvas } from '../test-support/recording-canvas.js';
import { drawToCanvas } from './draw-to-canvas.js';

describe('drawToCanvas', () => {
  it('paints the background, then each shape in order', () => {
    const { context, calls } = recordingCanvas();
    drawToCanvas(
      { width: 40, height: 30, background: '#eeeeee', shapes: [filledRect(1, 2, 3, 4, '#ff0000')] },
      context,
    );
    const paints = calls.filter((call) => call.name === 'fillStyle' || call.name === 'fillRect');
    expect(paints).toEqual([
      { name: 'fillStyle', values: ['#eeeeee'] },
      { name: 'fillRect', values: [0, 0, 40, 30] },
      { name: 'fillStyle', values: ['#ff0000'] },
      { name: 'fillRect', values: [1, 2, 3, 4] },
    ]);
    expect(calls[0]?.name).toBe('save');
    expect(calls.at(-1)?.name).toBe('restore');
  });

  it('paints a 2x2 map cell by cell with the mapped colours at the expected places, each cell overlapping the next by half a unit', () => {
    const { context, calls } = recordingCanvas();
    const pixels = colorizeValues([0, 1, 2, 3], [0, 3], 'greys');
    drawToCanvas(
      {
        width: 20,
        height: 20,
        background: '#ffffff',
        shapes: [imageShape({ x: 4, y: 6, width: 10, height: 10 }, 2, 2, pixels)],
      },
      context,
    );
    const cells = calls
      .slice(3)
      .filter((call) => call.name === 'fillStyle' || call.name === 'fillRect');
    expect(cells.map((call) => call.values)).toEqual([
      ['#ffffff'],
      [4, 6, 5.5, 5.5],
      ['#aaaaaa'],
      [9, 6, 5, 5.5],
      ['#555555'],
      [4, 11, 5.5, 5],
      ['#000000'],
      [9, 11, 5, 5],
    ]);
  });

  it('writes text centred on its y, aligned by its anchor, rotated when asked', () => {
    const { context, calls } = recordingCanvas();
    drawToCanvas(
      {
        width: 10,
        height: 10,
        background: '#ffffff',
        shapes: [textShape(5, 6, 'C3', { size: 12, anchor: 'middle', bold: true, rotate: -90 })],
      },
      context,
    );
    const find = (name: string) => calls.find((call) => call.name === name)?.values;
    expect(find('translate')).toEqual([5, 6]);
    expect(find('rotate')).toEqual([-Math.PI / 2]);
    expect(find('textAlign')).toEqual(['center']);
    expect(find('textBaseline')).toEqual(['middle']);
    expect(String(find('font')?.[0])).toMatch(/^bold 12px .*monospace$/);
    expect(find('fillText')).toEqual(['C3', 0, 0]);
  });
});
