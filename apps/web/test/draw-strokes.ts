import type { Page } from 'playwright-core';
import type { Stroke } from '../src/draw/digit-strokes.js';

/** Draws strokes on the pad with the mouse, as pointer events: one move per recorded point, more across long gaps. */
export async function drawStrokes(page: Page, strokes: readonly Stroke[]): Promise<void> {
  const box = await page.locator('#pad').boundingBox();
  if (box === null) throw new Error('The drawing pad is not visible.');
  const at = ([x, y]: readonly [number, number]) =>
    [box.x + x * box.width, box.y + y * box.height] as const;
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (first === undefined) continue;
    let previous = at(first);
    await page.mouse.move(...previous);
    await page.mouse.down();
    for (const point of rest) {
      const next = at(point);
      await page.mouse.move(...next, {
        steps: Math.max(
          1,
          Math.round(Math.hypot(next[0] - previous[0], next[1] - previous[1]) / 20),
        ),
      });
      previous = next;
    }
    await page.mouse.up();
  }
}
