import type { TextShape } from '../scene/scene.js';
import { textWidth } from '../scene/shapes.js';
import {
  bitmapFontText,
  glyphAdvance,
  glyphBitmap,
  glyphColumns,
  glyphRows,
} from './bitmap-font.js';

/** An axis-aligned box in scene pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The ink of a text shape as boxes in scene pixels, one per lit font pixel: the bitmap
 * font scaled so one character advances 0.6 x `size`, capitals centred on `y`, aligned by
 * `anchor`, and turned for `rotate: -90`. The font draws printable ASCII; other characters
 * are replaced as {@link bitmapFontText} says, and the text is aligned by what is drawn.
 */
export function glyphBoxes(shape: TextShape): Box[] {
  const pixel = (shape.size * 0.6) / glyphAdvance;
  const text = bitmapFontText(shape.text);
  const width = textWidth(text.length, shape.size) - pixel;
  const shift = shape.anchor === 'middle' ? -width / 2 : shape.anchor === 'end' ? -width : 0;
  const capitalsMiddle = 3.5 * pixel;
  const boxes: Box[] = [];
  Array.from(text).forEach((character, index) => {
    const bitmap = glyphBitmap(character);
    for (let row = 0; row < glyphRows; row += 1) {
      for (let column = 0; column < glyphColumns; column += 1) {
        if (bitmap[row * glyphColumns + column] !== true) continue;
        const along = shift + (index * glyphAdvance + column) * pixel;
        const across = row * pixel - capitalsMiddle;
        boxes.push(place(shape, along, across, pixel, shape.bold === true ? pixel * 1.5 : pixel));
      }
    }
  });
  return boxes;
}

function place(
  shape: TextShape,
  along: number,
  across: number,
  pixel: number,
  alongSize: number,
): Box {
  if (shape.rotate === -90) {
    return { x: shape.x + across, y: shape.y - along - alongSize, width: pixel, height: alongSize };
  }
  return { x: shape.x + along, y: shape.y + across, width: alongSize, height: pixel };
}
