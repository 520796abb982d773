import type { Shape } from '../scene/scene.js';
import { mutedColor, textShape } from '../scene/shapes.js';

/** Space around every figure's content. */
export const figureMargin = 16;
/** Height of the title band at the top of a figure (title and an optional subtitle). */
export const titleHeight = 44;

/** The title (bold) and an optional subtitle of a figure, left-aligned at the top. */
export function figureTitle(title: string, subtitle?: string): Shape[] {
  const shapes: Shape[] = [
    textShape(figureMargin, figureMargin + 6, title, { size: 15, bold: true }),
  ];
  if (subtitle !== undefined)
    shapes.push(
      textShape(figureMargin, figureMargin + 24, subtitle, { size: 11, color: mutedColor }),
    );
  return shapes;
}
