import { textWidth } from '../scene/shapes.js';

// East Asian wide characters (Unicode's W and F widths, in ranges): Hangul Jamo, CJK
// radicals and punctuation, kana, CJK ideographs, Yi, Hangul syllables, compatibility
// ideographs, vertical and full-width forms, and the ideographs of planes 2 and 3.
const wideCharacter =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/**
 * How many monospace cells a text takes: one per character, two for an East Asian wide
 * one (kana, CJK, Hangul, full-width forms), as a terminal prints it and as SVG and canvas
 * draw it from a fallback font about one em wide. Figures lay names out by this count, so
 * a name such as `お (o)` fits its space in every back end.
 */
export function textColumns(text: string): number {
  let columns = 0;
  for (const character of text) columns += wideCharacter.test(character) ? 2 : 1;
  return columns;
}

/** The width in pixels `text` takes at font `size`: {@link textColumns} cells of 0.6 em. */
export function textExtent(text: string, size: number): number {
  return textWidth(textColumns(text), size);
}
