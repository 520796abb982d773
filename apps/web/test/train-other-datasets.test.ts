import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FASHION_MNIST } from '@lenet/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barDatasetFiles } from '../src/__fixtures__/bar-dataset.js';
import { DIGIT_STROKES } from '../src/draw/digit-strokes.js';
import { openApp, type AppPage } from './browser-page.js';
import { drawStrokes } from './draw-strokes.js';
import { fashionMnistFolder } from './static-server.js';

let app: AppPage;
let barsFolder: string;
let barsFiles: string[];
const fashionFolder = fashionMnistFolder();
const fashionFiles = [
  'train-images-idx3-ubyte.gz',
  'train-labels-idx1-ubyte.gz',
  't10k-images-idx3-ubyte.gz',
  't10k-labels-idx1-ubyte.gz',
].map((name) => join(fashionFolder, name));
const fashionNames = FASHION_MNIST.classNames ?? [];

beforeAll(async () => {
  barsFolder = mkdtempSync(join(tmpdir(), 'lenet-web-bars-'));
  const files = barDatasetFiles({
    classes: 3,
    height: 20,
    width: 20,
    trainCount: 192,
    testCount: 60,
  });
  barsFiles = files.map((file) => join(barsFolder, file.name));
  files.forEach((file, index) => {
    writeFileSync(barsFiles[index]!, file.bytes);
  });
  app = await openApp();
});

afterAll(async () => {
  await app.close();
  rmSync(barsFolder, { recursive: true, force: true });
});

async function scoresFor(strokes: (typeof DIGIT_STROKES)[number]): Promise<string> {
  await app.page.click('#clear');
  await drawStrokes(app.page, strokes);
  return (await app.page.textContent('#scores')) ?? '';
}

describe('training on other data sets in the page (headless Chromium)', () => {
  it("says that MNIST's files given as Fashion-MNIST hold MNIST's, in the page and without a stack trace", async () => {
    const { page } = app;
    await page.selectOption('#train-dataset', 'fashion-mnist');
    // The URL folder follows the data set until it is edited.
    expect(await page.inputValue('#data-url')).toBe('./fashion-mnist/');
    await page.fill('#data-url', './mnist/');
    await page.click('#train-start');
    await page.waitForSelector('#data-status[data-state="failed"]', { timeout: 60_000 });
    const message = (await page.textContent('#data-status')) ?? '';
    expect(message).toMatch(
      /mnist\/train-images-idx3-ubyte\.gz: holds MNIST's training images, not Fashion-MNIST's: load the files as MNIST/,
    );
    expect(message).not.toMatch(/\n\s+at /);
    expect(await page.getAttribute('#train-status', 'data-state')).toBeNull();
    expect(await page.isEnabled('#train-start')).toBe(true);
  });

  it('trains LeNet-1 on Fashion-MNIST files picked on this computer and names its classes in the evaluation and the bars', async () => {
    const { page } = app;
    await page.setInputFiles('#data-files', fashionFiles);
    expect(await page.isChecked('#data-from-files')).toBe(true);
    await page.selectOption('#train-model', 'lenet1');
    await page.fill('#train-limit', '3200');
    await page.fill('#train-rate', '0.01');
    await page.click('#train-start');
    await page.waitForSelector('#train-status[data-state="done"][data-images="3200"]', {
      timeout: 120_000,
    });
    expect(await page.textContent('#data-status')).toContain(
      `Fashion-MNIST: 60,000 training and 10,000 test images, 10 classes (${fashionNames.join(', ')}).\nIts four files match their recorded checksums.`,
    );
    await page.click('#train-evaluate');
    await page.waitForSelector('#train-status[data-test-error]', { timeout: 120_000 });
    expect(Number(await page.getAttribute('#train-status', 'data-test-error'))).toBeLessThan(0.5);
    const evaluation = (await page.textContent('#train-status')) ?? '';
    expect(evaluation).toMatch(/on the 10,000 Fashion-MNIST test images; most often wrong: /);
    expect(fashionNames.some((name) => evaluation.includes(`wrong: ${name} (`))).toBe(true);
    await page.click('#use-trained');
    await page.waitForSelector('body[data-model="trained lenet1"][data-dataset="fashion-mnist"]');
    expect(await page.textContent('#draw-title')).toBe('Draw a piece of clothing');
    const scores = await scoresFor(DIGIT_STROKES[1] ?? []);
    for (const name of fashionNames) expect(scores).toContain(name);
    expect(fashionNames).toContain(await page.textContent('#prediction'));
  });

  it('saves the Fashion-MNIST model in IndexedDB and names its classes after a reload', async () => {
    const { page } = app;
    const before = await scoresFor(DIGIT_STROKES[1] ?? []);
    await page.click('#save-idb');
    await page.waitForSelector('#store-status:has-text("trained on Fashion-MNIST")');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector('#saved-models:not([disabled])');
    await page.selectOption('#saved-models', 'indexeddb://lenet-lenet1-fashion-mnist');
    expect(
      await page.$eval(
        '#saved-models',
        (menu: HTMLSelectElement) => menu.selectedOptions[0]?.textContent,
      ),
    ).toBe('LeNet-1 on Fashion-MNIST');
    await page.click('#load-idb');
    await page.waitForSelector('body[data-model="saved lenet1"][data-dataset="fashion-mnist"]');
    expect(await scoresFor(DIGIT_STROKES[1] ?? [])).toBe(before);
    expect(await page.textContent('#draw-title')).toBe('Draw a piece of clothing');
  });

  it('fits 20x20 IDX files into 28x28, says the paper LeNet-5 cannot learn their 3 classes, and trains LeNet-5 (softmax head) on them', async () => {
    const { page } = app;
    await page.selectOption('#train-dataset', 'idx');
    await page.setInputFiles('#data-files', barsFiles);
    await page.selectOption('#train-model', 'lenet5');
    await page.click('#train-start');
    await page.waitForSelector('#train-status[data-state="refused"]', { timeout: 60_000 });
    expect(await page.textContent('#train-status')).toBe(
      'LeNet-5 (paper) builds 10 classes only (its RBF codes are the ten digits), not the 3 of IDX files. Train LeNet-5 (softmax head), LeNet-5 (modern) or LeNet-1 on them instead.',
    );
    expect(await page.textContent('#data-status')).toContain(
      'Its 20x20 images are fitted into 28x28',
    );
    expect(await page.inputValue('#train-model')).toBe('lenet5-softmax');
    expect(await page.isDisabled('#train-model option[value="lenet5"]')).toBe(true);
    await page.fill('#train-limit', '192');
    await page.click('#train-start');
    await page.waitForSelector('#train-status[data-state="done"][data-images="192"]', {
      timeout: 60_000,
    });
    await page.click('#train-evaluate');
    await page.waitForSelector('#train-status[data-test-error]', { timeout: 60_000 });
    expect(await page.textContent('#train-status')).toMatch(/on the 60 IDX files test images/);
    await page.click('#use-trained');
    await page.waitForSelector('body[data-model="trained lenet5-softmax"][data-dataset="idx"]');
    expect(await page.textContent('#draw-title')).toBe('Draw an image of the training data');
    await scoresFor(DIGIT_STROKES[1] ?? []);
    expect(await page.locator('#scores li').count()).toBe(3);
    expect(app.errors).toEqual([]);
  });
});
