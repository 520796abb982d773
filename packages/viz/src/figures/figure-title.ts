import type { Shape } from '../scene/scene.js';
import { mutedColor, textShape } from '../scene/shapes.js';
import { textExtent } from '../text/text-columns.js';

/** Space around every figure's content. */
export const figureMargin = 16;
/** Height of the title band at the top of a figure (title and an optional subtitle). */
export const titleHeight = 44;

const titleSize = 15;
const subtitleSize = 11;

/** The title (bold) and an optional subtitle of a figure, left-aligned at the top. */
export function figureTitle(title: string, subtitle?: string): Shape[] {
  const shapes: Shape[] = [
    textShape(figureMargin, figureMargin + 6, title, { size: titleSize, bold: true }),
  ];
  if (subtitle !== undefined)
    shapes.push(
      textShape(figureMargin, figureMargin + 24, subtitle, {
        size: subtitleSize,
        color: mutedColor,
      }),
    );
  return shapes;
}

/** The width a figure needs for its {@link figureTitle}, margins included, in whole pixels. */
export function figureTitleWidth(title: string, subtitle?: string): number {
  return (
    2 * figureMargin +
    Math.ceil(
      Math.max(
        textExtent(title, titleSize),
        subtitle === undefined ? 0 : textExtent(subtitle, subtitleSize),
      ),
    )
  );
}
