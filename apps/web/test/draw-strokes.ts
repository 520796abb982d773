import type { Page } from 'playwright-core';
import type { Stroke } from '../src/draw/digit-strokes.js';

type Point = readonly [number, number];

/** Moves between two points as a hand would: one event per 20 CSS pixels or so. */
function stepsBetween(from: Point, to: Point): number {
  return Math.max(1, Math.round(Math.hypot(to[0] - from[0], to[1] - from[1]) / 20));
}

/**
 * Draws strokes on the pad as pointer events: with the mouse (one move per recorded point,
 * more across long gaps), or with `input: 'touch'` as a finger (Chromium's touch events,
 * which the page receives as touch pointers; the page must be opened as a phone).
 */
export async function drawStrokes(
  page: Page,
  strokes: readonly Stroke[],
  input: 'mouse' | 'touch' = 'mouse',
): Promise<void> {
  const box = await page.locator('#pad').boundingBox();
  if (box === null) throw new Error('The drawing pad is not visible.');
  const at = ([x, y]: Point): Point => [box.x + x * box.width, box.y + y * box.height];
  const touch = input === 'touch' ? await page.context().newCDPSession(page) : undefined;
  const send = async (type: 'touchStart' | 'touchMove' | 'touchEnd', point?: Point) =>
    touch?.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: point === undefined ? [] : [{ x: point[0], y: point[1] }],
    });
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (first === undefined) continue;
    let previous = at(first);
    if (touch === undefined) {
      await page.mouse.move(...previous);
      await page.mouse.down();
    } else await send('touchStart', previous);
    for (const point of rest) {
      const next = at(point);
      if (touch === undefined)
        await page.mouse.move(...next, { steps: stepsBetween(previous, next) });
      else {
        const steps = stepsBetween(previous, next);
        for (let step = 1; step <= steps; step += 1) {
          const t = step / steps;
          await send('touchMove', [
            previous[0] + t * (next[0] - previous[0]),
            previous[1] + t * (next[1] - previous[1]),
          ]);
        }
      }
      previous = next;
    }
    if (touch === undefined) await page.mouse.up();
    else await send('touchEnd');
  }
  await touch?.detach();
}
