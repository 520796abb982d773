import { afterEach, describe, expect, it } from 'vitest';
import { DIGIT_STROKES } from '../src/draw/digit-strokes.js';
import { openApp, type AppOptions, type AppPage } from './browser-page.js';
import { drawStrokes } from './draw-strokes.js';

let app: AppPage | undefined;
const screenshots = new URL('screenshots/', import.meta.url).pathname;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Where the answer is after a drawing, how the activations figure is sized, and what is blank. */
function layout(page: AppPage['page']) {
  return page.evaluate(() => {
    const answer = document.getElementById('prediction')!.getBoundingClientRect();
    const activations = document.getElementById('activations') as HTMLCanvasElement;
    const figure = activations.parentElement!;
    const emptyCanvases = Array.from(document.querySelectorAll('canvas')).filter(
      (canvas) =>
        !canvas.hidden &&
        canvas.getBoundingClientRect().height > 0 &&
        canvas.width === 300 &&
        canvas.height === 150,
    );
    return {
      scrolled: window.scrollY,
      answerTop: answer.top,
      answerBottom: answer.bottom,
      screenHeight: window.innerHeight,
      activationsShown: activations.getBoundingClientRect().width,
      activationsNatural: parseFloat(activations.style.width),
      figureScrolls: figure.scrollWidth > figure.clientWidth,
      defaultSizedCanvases: emptyCanvases.map((canvas) => canvas.id),
    };
  });
}

describe.each<{ name: string; options: AppOptions; input: 'mouse' | 'touch' }>([
  {
    name: 'phone-390x844',
    options: { viewport: { width: 390, height: 844 }, phone: true },
    input: 'touch',
  },
  { name: 'desktop-1280x800', options: { viewport: { width: 1280, height: 800 } }, input: 'mouse' },
])('the layout at $name (headless Chromium)', ({ name, options, input }) => {
  it('shows the answer on the first screen after drawing, and figures at full size, scrolling sideways when too wide', async () => {
    app = await openApp(options);
    const { page } = app;
    await drawStrokes(page, DIGIT_STROKES[3]!, input);
    expect(await page.getAttribute('#prediction', 'data-label')).toBe('3');
    await page.screenshot({ path: `${screenshots}${name}.png` });
    const shown = await layout(page);
    expect(shown.scrolled).toBe(0);
    expect(shown.answerTop).toBeGreaterThan(0);
    expect(shown.answerBottom).toBeLessThanOrEqual(shown.screenHeight);
    // The activations figure keeps its natural size (labels 11 px and more), never shrunk.
    expect(shown.activationsShown).toBeGreaterThanOrEqual(shown.activationsNatural);
    if (options.phone === true) expect(shown.figureScrolls).toBe(true);
    // No canvas shows as an empty 300x150 box.
    expect(shown.defaultSizedCanvases).toEqual([]);
    await page.screenshot({ path: `${screenshots}${name}-full.png`, fullPage: true });
    expect(app.errors).toEqual([]);
  });
});
