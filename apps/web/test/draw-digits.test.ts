import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGIT_STROKES } from '../src/draw/digit-strokes.js';
import { openApp, type AppPage } from './browser-page.js';
import { drawStrokes } from './draw-strokes.js';

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

/** Every result the page shows for a drawing, to tell an empty page from a stale one. */
async function results() {
  return app.page.evaluate(() => {
    const shown = (id: string) => {
      const element = document.getElementById(id);
      return element !== null && !element.hidden && element.getBoundingClientRect().height > 0;
    };
    return {
      answer: document.getElementById('prediction')?.textContent,
      verdict: document.getElementById('prediction')?.dataset.verdict,
      label: document.getElementById('prediction')?.dataset.label,
      bars: document.querySelectorAll('#scores li').length,
      latency: document.getElementById('latency')?.textContent,
      seen: shown('seen'),
      activations: shown('activations'),
    };
  });
}

const empty = {
  answer: 'draw a digit',
  verdict: 'empty',
  label: undefined,
  bars: 0,
  latency: '',
  seen: false,
  activations: false,
};

/** Whether the pad's canvas is blank white paper. */
function padIsBlank(): Promise<boolean> {
  return app.page.locator('#pad').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    return data.every((value) => value === 255);
  });
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

  it('shows no results, and no blank boxes for them, before anything is drawn', async () => {
    expect(await results()).toEqual(empty);
  });

  it('reads each recorded digit 0-9 correctly with the paper LeNet-5', async () => {
    const predicted: number[] = [];
    for (const strokes of DIGIT_STROKES) predicted.push((await drawDigit(strokes)).label);
    expect(predicted).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("shows the paper model's distances, not a softmax of 100.0%, with the nearest code and the next", async () => {
    await drawDigit(DIGIT_STROKES[3]!);
    const values = await app.page.locator('#scores .value').allTextContents();
    expect(values).toHaveLength(10);
    for (const value of values) expect(value).toMatch(/^d \d+\.\d$/);
    const widths = await app.page
      .locator('#scores .bar span')
      .evaluateAll((fills) => fills.map((fill) => parseFloat((fill as HTMLElement).style.width)));
    // The winner's bar is the longest, and no bar is 100% or all others 0%.
    expect(Math.max(...widths)).toBe(widths[3]);
    expect(widths[3]).toBeLessThan(100);
    expect(widths.filter((width) => width > 0).length).toBeGreaterThan(1);
    expect(await app.page.textContent('#answer-detail')).toMatch(
      /^nearest code at distance \d+\.\d; the next, \d's, at \d+\.\d, a lead of \d+\.\d$/,
    );
  });

  it('says a single dot is not a digit instead of reading it as a 0', async () => {
    await app.page.click('#clear');
    await drawStrokes(app.page, [[[0.5, 0.5]]]);
    expect(await app.page.textContent('#prediction')).toBe('not a digit');
    expect(await app.page.getAttribute('#prediction', 'data-verdict')).toBe('dot');
    expect(await app.page.getAttribute('#prediction', 'data-label')).toBeNull();
    expect(await app.page.locator('#scores li.predicted').count()).toBe(0);
  });

  it('says a scribble is not a digit: its nearest code is beyond the threshold', async () => {
    await app.page.click('#clear');
    const scribble = Array.from({ length: 24 }, (_, index) => {
      const angle = index * 2.4;
      return [
        0.5 + 0.3 * Math.cos(angle) * (index % 3) * 0.5,
        0.5 + 0.3 * Math.sin(angle * 1.7),
      ] as const;
    });
    await drawStrokes(app.page, [scribble]);
    expect(await app.page.textContent('#prediction')).toBe('not a digit');
    expect(await app.page.textContent('#answer-detail')).toMatch(
      /^even the nearest code, \d's, is at distance \d+\.\d \(more than 15\)/,
    );
  });

  it('shows how long each answer took, from the end of the stroke (pnpm bench measures it)', async () => {
    const { milliseconds } = await drawDigit(DIGIT_STROKES[7]!);
    expect(milliseconds).toBeGreaterThan(0);
    expect(await app.page.textContent('#latency')).toMatch(/\d+(\.\d+)? ms/);
  });

  it('empties every result after Clear, Escape, and Undo down to an empty pad', async () => {
    await drawDigit(DIGIT_STROKES[7]!);
    expect((await results()).bars).toBe(10);
    await app.page.click('#clear');
    expect(await results()).toEqual(empty);
    await drawDigit(DIGIT_STROKES[7]!);
    await app.page.keyboard.press('Escape');
    expect(await results()).toEqual(empty);
    await drawDigit(DIGIT_STROKES[4]!);
    await app.page.click('#undo');
    expect((await results()).bars).toBe(10);
    await app.page.click('#undo');
    expect(await results()).toEqual(empty);
  });

  it('drops the rest of a stroke when Escape is pressed in the middle of it: no ghost ink', async () => {
    await app.page.click('#clear');
    const box = (await app.page.locator('#pad').boundingBox())!;
    await app.page.mouse.move(box.x + 0.3 * box.width, box.y + 0.3 * box.height);
    await app.page.mouse.down();
    await app.page.mouse.move(box.x + 0.5 * box.width, box.y + 0.5 * box.height, { steps: 5 });
    await app.page.keyboard.press('Escape');
    await app.page.mouse.move(box.x + 0.7 * box.width, box.y + 0.8 * box.height, { steps: 5 });
    await app.page.mouse.up();
    expect(await results()).toEqual(empty);
    expect(await padIsBlank()).toBe(true);
    await drawStrokes(app.page, DIGIT_STROKES[1]!);
    expect(await app.page.getAttribute('#prediction', 'data-label')).toBe('1');
  });

  it('leaves the pad alone when Escape or Ctrl+Z are pressed while typing in a text field', async () => {
    await drawDigit(DIGIT_STROKES[7]!);
    await app.page.fill('#data-url', './mnist/typed');
    await app.page.focus('#data-url');
    await app.page.keyboard.press('Escape');
    await app.page.keyboard.press('Control+z');
    expect(await app.page.getAttribute('#prediction', 'data-label')).toBe('7');
    await app.page.fill('#data-url', './mnist/');
    // Outside a field they act on the pad.
    await app.page.locator('#undo').focus();
    await app.page.keyboard.press('Control+z');
    expect(await results()).toEqual(empty);
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

  it('offers pens of three sizes, asks for a big drawing, and reads a thick-pen digit', async () => {
    expect(await app.page.textContent('#pad-hint')).toBe(
      'Draw one digit, big: fill most of the pad.',
    );
    const ink = () =>
      app.page.locator('#pad').evaluate((canvas: HTMLCanvasElement) => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        return data.filter((value, index) => index % 4 === 0 && value < 128).length;
      });
    await drawDigit(DIGIT_STROKES[7]!);
    const medium = await ink();
    await app.page.selectOption('#pen-size', 'thick');
    await drawDigit(DIGIT_STROKES[7]!);
    expect(await ink()).toBeGreaterThan(1.3 * medium);
    expect(await app.page.getAttribute('#prediction', 'data-label')).toBe('7');
    await app.page.selectOption('#pen-size', 'medium');
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
