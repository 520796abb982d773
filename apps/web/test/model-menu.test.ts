import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGIT_STROKES } from '../src/draw/digit-strokes.js';
import { openApp, type AppPage } from './browser-page.js';
import { drawStrokes } from './draw-strokes.js';

let app: AppPage;
const models = new URL('../public/models/', import.meta.url).pathname;

/** What the menu shows (value and text), the model the pad reads with, and the loading notice. */
function modelState() {
  return app.page.evaluate(() => {
    const menu = document.querySelector<HTMLSelectElement>('#model-select')!;
    return {
      menu: menu.value,
      menuText: menu.selectedOptions[0]?.textContent,
      inUse: document.body.dataset.model,
      status: document.querySelector<HTMLElement>('#model-status')?.dataset.state,
    };
  });
}

beforeAll(async () => {
  app = await openApp();
});

afterAll(async () => {
  await app.close();
});

describe('the model menu (headless Chromium)', () => {
  it('shows a slow model loading, and a quicker switch after it wins: menu and pad agree', async () => {
    const { page } = app;
    // LeNet-1's files take 3 s to arrive, as on a slow network.
    await page.route('**/models/lenet1/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue().catch(() => undefined);
    });
    await drawStrokes(page, DIGIT_STROKES[7]!);
    await page.selectOption('#model-select', 'lenet1');
    expect(await modelState()).toEqual({
      menu: 'lenet1',
      menuText: 'LeNet-1',
      inUse: 'lenet5',
      status: 'loading',
    });
    expect(await page.textContent('#model-status')).toBe(
      'loading LeNet-1... (the pad reads with LeNet-5 (paper) until then)',
    );
    await page.selectOption('#model-select', 'lenet5-modern');
    await page.waitForSelector('body[data-model="lenet5-modern"]');
    // LeNet-1 arrives (or is aborted) later; the pad and the menu stay on LeNet-5 (modern).
    await page.waitForTimeout(3500);
    expect(await modelState()).toEqual({
      menu: 'lenet5-modern',
      menuText: 'LeNet-5 (modern)',
      inUse: 'lenet5-modern',
      status: 'ready',
    });
    expect(await page.getAttribute('#prediction', 'data-label')).toBe('7');
    await page.unroute('**/models/lenet1/**');
  });

  it('names an uploaded model in the menu, and goes back to the paper LeNet-5 when it is chosen', async () => {
    const { page } = app;
    await page.setInputFiles('#upload', [
      `${models}lenet1/model.json`,
      `${models}lenet1/weights.bin`,
    ]);
    await page.waitForSelector('body[data-model="file lenet1"]');
    expect(await modelState()).toMatchObject({
      menu: 'file lenet1',
      menuText: 'LeNet-1 from model.json + weights.bin, trained on MNIST',
    });
    await page.selectOption('#model-select', 'lenet5');
    await page.waitForSelector('body[data-model="lenet5"]');
    expect(await modelState()).toMatchObject({ menu: 'lenet5', menuText: 'LeNet-5 (paper)' });
    // The uploaded model stays on offer.
    await page.selectOption('#model-select', 'file lenet1');
    await page.waitForSelector('body[data-model="file lenet1"]');
  });

  it("refuses LeNet-1's model.json with LeNet-5's weights.bin and keeps the model in use", async () => {
    const { page } = app;
    await page.setInputFiles('#upload', [
      `${models}lenet1/model.json`,
      `${models}lenet5/weights.bin`,
    ]);
    await page.waitForSelector('#store-status:has-text("do not belong together")');
    expect(await page.textContent('#store-status')).toMatch(
      /^could not load model\.json \+ weights\.bin: model\.json and weights\.bin do not belong together: the model's weights take [\d,]+ bytes, the file holds [\d,]+\. Choose the weights file saved with this model\.json\.$/,
    );
    expect(await modelState()).toMatchObject({ menu: 'file lenet1', inUse: 'file lenet1' });
    expect(app.errors).toEqual([]);
  });
});
