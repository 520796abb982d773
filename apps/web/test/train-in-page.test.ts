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

describe('training in the page (headless Chromium)', () => {
  it('trains LeNet-5 on a few hundred MNIST images with a falling loss curve, pauses and resumes, and shows images/s', async () => {
    const { page } = app;
    await page.selectOption('#train-model', 'lenet5');
    await page.fill('#train-limit', String(trainedImages));
    await page.click('#train-start');
    // Pause from inside the page at the first frame after 64 images: a click sent from the test
    // after that frame arrives too late when the page trains faster than the round trip.
    await page.waitForFunction(
      () => {
        // Before the run starts data-images is unset (NaN): not yet 64 either.
        if (!(Number(document.querySelector<HTMLElement>('#train-status')?.dataset.images) >= 64))
          return false;
        document.querySelector<HTMLButtonElement>('#train-pause')?.click();
        return true;
      },
      undefined,
      { timeout: 60_000, polling: 'raf' },
    );
    const pausedAt = await page.getAttribute('#train-status', 'data-images');
    await page.waitForTimeout(1000);
    expect(await page.getAttribute('#train-status', 'data-images')).toBe(pausedAt);
    expect(await page.getAttribute('#train-status', 'data-state')).toBe('paused');
    await page.click('#train-pause');
    await page.waitForSelector('#train-status[data-state="done"]', { timeout: 150_000 });
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
  });

  it('trains LeNet-1 on 960 images and evaluates it on the 10,000 test digits with a confusion matrix', async () => {
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
  });

  it('saves the trained model in IndexedDB and gives the same answers after a reload', async () => {
    const { page } = app;
    await page.click('#use-trained');
    await page.waitForSelector('body[data-model="trained lenet1"]');
    const before = await scoresFor(DIGIT_STROKES[2] ?? []);
    await page.click('#save-idb');
    await page.waitForSelector('#store-status:has-text("saved")');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await page.selectOption('#train-model', 'lenet1');
    await page.click('#load-idb');
    await page.waitForSelector('body[data-model="saved lenet1"]');
    expect(await scoresFor(DIGIT_STROKES[2] ?? [])).toBe(before);
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
