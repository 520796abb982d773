import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from './browser-page.js';
import { drawStrokes } from './draw-strokes.js';
import { DIGIT_STROKES } from '../src/draw/digit-strokes.js';

let app: AppPage;

/** Draws one digit on a cleared pad; returns the predicted label and the stroke-to-answer time. */
async function drawDigit(
  strokes: (typeof DIGIT_STROKES)[number],
): Promise<{ label: number; milliseconds: number }> {
  await app.page.click('#clear');
  await drawStrokes(app.page, strokes);
  return {
    label: Number(await app.page.getAttribute('#prediction', 'data-label')),
    milliseconds: Number(await app.page.getAttribute('#latency', 'data-milliseconds')),
  };
}

beforeAll(async () => {
  app = await openApp();
});

afterAll(async () => {
  await app.close();
});

describe('the drawing pad in headless Chromium', () => {
  it('runs on WebAssembly with SIMD and says so', async () => {
    expect(await app.page.getAttribute('body', 'data-backend')).toBe('wasm');
    expect(await app.page.textContent('#backend')).toContain('wasm (SIMD');
  });

  it('reads each recorded digit 0-9 correctly with the paper LeNet-5', async () => {
    const predicted: number[] = [];
    for (const strokes of DIGIT_STROKES) predicted.push((await drawDigit(strokes)).label);
    expect(predicted).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('shows how long each answer took, from the end of the stroke (pnpm bench measures it)', async () => {
    const { milliseconds } = await drawDigit(DIGIT_STROKES[7]!);
    expect(milliseconds).toBeGreaterThan(0);
    expect(await app.page.textContent('#latency')).toMatch(/\d+(\.\d+)? ms/);
  });

  it('shows the digits and the scores of LeNet-1 and LeNet-5 (modern) after a switch', async () => {
    for (const model of ['lenet1', 'lenet5-modern', 'lenet5']) {
      await app.page.selectOption('#model-select', model);
      await app.page.waitForSelector(`body[data-model="${model}"]`);
      await app.page.click('#clear');
      await drawStrokes(app.page, DIGIT_STROKES[7] ?? []);
      expect(await app.page.getAttribute('#prediction', 'data-label')).toBe('7');
      expect(await app.page.locator('#scores li').count()).toBe(10);
    }
  });

  it('shows an example digit chosen with the keyboard alone', async () => {
    await app.page.focus('#example');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowDown');
    expect(await app.page.getAttribute('#prediction', 'data-label')).toBe('2');
  });

  it('undoes the last stroke', async () => {
    await app.page.click('#clear');
    await drawStrokes(app.page, DIGIT_STROKES[4] ?? []);
    await app.page.click('#undo');
    expect(await app.page.getAttribute('#prediction', 'data-label')).not.toBe('4');
  });

  it('saves a screenshot of the main view with no console errors', async () => {
    await app.page.click('#clear');
    await drawStrokes(app.page, DIGIT_STROKES[3] ?? []);
    await app.page.screenshot({
      path: new URL('../reports/main-view.png', import.meta.url).pathname,
      clip: { x: 0, y: 0, width: 1100, height: 1500 },
      fullPage: true,
    });
    expect(app.errors).toEqual([]);
  });
});
