import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from './browser-page.js';
import { drawStrokes } from './draw-strokes.js';
import { DIGIT_STROKES } from '../src/draw/digit-strokes.js';

let app: AppPage;
// Enough batches (200) that the run is still going when the test pauses it.
const trainedImages = 6400;

beforeAll(async () => {
  app = await openApp();
});

afterAll(async () => {
  await app.close();
});

async function scoresFor(strokes: (typeof DIGIT_STROKES)[number]): Promise<string> {
  await app.page.click('#clear');
  await drawStrokes(app.page, strokes);
  return (await app.page.textContent('#scores')) ?? '';
}

/** The id of the focused element (`body` when the focus was dropped). */
function focused(): Promise<string> {
  return app.page.evaluate(
    () => document.activeElement?.id || document.activeElement?.tagName || '',
  );
}

/**
 * Clicks `button` from inside the page at the first frame after `images` images: a click sent
 * from the test after that frame arrives too late when the page trains faster than the round trip.
 */
async function clickAfter(images: number, button: string): Promise<void> {
  await app.page.waitForFunction(
    ({ images, button }) => {
      // Before the run starts data-images is unset (NaN): not yet there either.
      if (!(Number(document.querySelector<HTMLElement>('#train-status')?.dataset.images) >= images))
        return false;
      document.querySelector<HTMLButtonElement>(button)?.click();
      return true;
    },
    { images, button },
    { timeout: 60_000, polling: 'raf' },
  );
}

describe('training in the page (headless Chromium)', () => {
  it('trains LeNet-5 from the keyboard with a falling loss curve, shows a pause as paused, resumes, and shows images/s', async () => {
    const { page } = app;
    await page.selectOption('#train-model', 'lenet5');
    await page.fill('#train-limit', String(trainedImages));
    await page.focus('#train-start');
    await page.keyboard.press('Enter');
    // Train is disabled while the run lasts: the focus goes to Stop, not to the body.
    expect(await focused()).toBe('train-stop');
    await clickAfter(64, '#train-pause');
    const pausedAt = await page.getAttribute('#train-status', 'data-images');
    await page.waitForTimeout(1000);
    expect(await page.getAttribute('#train-status', 'data-images')).toBe(pausedAt);
    expect(await page.getAttribute('#train-status', 'data-state')).toBe('paused');
    expect(await page.textContent('#train-status')).toMatch(
      /^paused at epoch 0\.\d\d, [\d,]+ images: loss .*\. Press Resume to go on, or Stop\.$/,
    );
    expect(await page.textContent('#train-pause')).toBe('Resume');
    await page.click('#train-pause');
    await page.waitForSelector('#train-status[data-state="done"]', { timeout: 150_000 });
    // Pause, which had the focus, is disabled at the end: the focus goes back to Train.
    expect(await focused()).toBe('train-start');
    expect(await page.getAttribute('#train-status', 'data-images')).toBe(String(trainedImages));
    expect(await page.getAttribute('#train-curves', 'data-batches')).toBe(
      String(trainedImages / 32),
    );
    const first = Number(await page.getAttribute('#train-curves', 'data-first-loss'));
    const last = Number(await page.getAttribute('#train-curves', 'data-last-loss'));
    expect(last).toBeLessThan(0.8 * first);
    const pageSpeed = Number(await page.getAttribute('#train-status', 'data-images-per-second'));
    expect(pageSpeed).toBeGreaterThan(0);
    // The gradients came from @lenet/core's WebAssembly SIMD kernels, fetched by the built page.
    expect(await page.getAttribute('#train-status', 'data-kernels')).toBe('lenet');
    expect(await page.isHidden('#train-notice')).toBe(true);
    // The error chart says one thing, and draws what it says.
    expect(await page.getAttribute('#train-errors', 'aria-label')).toBe(
      'Training error, running mean over the batches so far',
    );
  });

  it('stops a run: the model keeps what it learnt and can be evaluated', async () => {
    const { page } = app;
    await page.click('#train-start');
    await clickAfter(64, '#train-stop');
    await page.waitForSelector('#train-status[data-state="stopped"]', { timeout: 60_000 });
    const images = Number(await page.getAttribute('#train-status', 'data-images'));
    expect(images).toBeGreaterThanOrEqual(64);
    expect(images).toBeLessThan(trainedImages);
    expect(await page.textContent('#train-status')).toMatch(
      /^stopped at epoch 0\.\d\d, [\d,]+ images/,
    );
    expect(await page.isEnabled('#train-evaluate')).toBe(true);
    expect(await page.isEnabled('#train-start')).toBe(true);
    expect(await page.isDisabled('#train-stop')).toBe(true);
  });

  it('trains LeNet-1 on 960 images and evaluates it on the 10,000 test digits with a confusion matrix and a true gallery count', async () => {
    const { page } = app;
    await page.selectOption('#train-model', 'lenet1');
    await page.fill('#train-limit', '960');
    // One epoch down lenet train's cosine schedule: 0.005 leaves LeNet-1 at ~51-57% test error.
    await page.fill('#train-rate', '0.01');
    await page.click('#train-start');
    await page.waitForSelector('#train-status[data-state="done"][data-images="960"]', {
      timeout: 100_000,
    });
    await app.page.click('#train-evaluate');
    await app.page.waitForSelector('#train-status[data-test-error]', { timeout: 120_000 });
    const error = Number(await app.page.getAttribute('#train-status', 'data-test-error'));
    expect(error).toBeGreaterThan(0);
    expect(error).toBeLessThan(0.5);
    expect(
      await app.page.locator('#confusion').evaluate((canvas: HTMLCanvasElement) => canvas.width),
    ).toBeGreaterThan(100);
    const errors = Math.round(error * 10_000).toLocaleString('en-US');
    expect(await page.getAttribute('#misclassified', 'aria-label')).toBe(
      `Misclassified test digits: ${errors} of 10,000 test images misclassified (${(error * 100).toFixed(2)}%), the first 40 shown, true->predicted`,
    );
  });

  it('uses the trained model on the pad and names it in the menu, then the paper LeNet-5 again', async () => {
    const { page } = app;
    await page.click('#use-trained');
    await page.waitForSelector('body[data-model="trained lenet1"]');
    expect(
      await page.$eval('#model-select', (menu: HTMLSelectElement) => [
        menu.value,
        menu.selectedOptions[0]?.textContent,
      ]),
    ).toEqual(['trained lenet1', 'LeNet-1 trained in this page on MNIST']);
    await page.selectOption('#model-select', 'lenet5');
    await page.waitForSelector('body[data-model="lenet5"]');
    await page.selectOption('#model-select', 'trained lenet1');
    await page.waitForSelector('body[data-model="trained lenet1"]');
  });

  it('saves the trained model in IndexedDB and loads it after a reload from its own menu, whatever the training form says', async () => {
    const { page } = app;
    const before = await scoresFor(DIGIT_STROKES[2] ?? []);
    await page.click('#save-idb');
    await page.waitForSelector('#store-status:has-text("saved")');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector('#saved-models:not([disabled])');
    expect(await page.inputValue('#train-model')).toBe('lenet5');
    expect(
      await page.$eval(
        '#saved-models',
        (menu: HTMLSelectElement) => menu.selectedOptions[0]?.textContent,
      ),
    ).toBe('LeNet-1 on MNIST');
    await page.click('#load-idb');
    await page.waitForSelector('body[data-model="saved lenet1"]');
    expect(await scoresFor(DIGIT_STROKES[2] ?? [])).toBe(before);
    expect(
      await page.$eval(
        '#model-select',
        (menu: HTMLSelectElement) => menu.selectedOptions[0]?.textContent,
      ),
    ).toBe('LeNet-1 saved in this browser, trained on MNIST');
  });

  it('loads a model saved by the CLI from its model.json and weights.bin', async () => {
    const folder = new URL('../public/models/lenet1/', import.meta.url).pathname;
    await app.page.setInputFiles('#upload', [`${folder}model.json`, `${folder}weights.bin`]);
    await app.page.waitForSelector('body[data-model="file lenet1"]');
    await app.page.click('#clear');
    await drawStrokes(app.page, DIGIT_STROKES[7] ?? []);
    expect(await app.page.getAttribute('#prediction', 'data-label')).toBe('7');
    expect(app.errors).toEqual([]);
  });
});
