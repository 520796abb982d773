import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from './browser-page.js';
import { readmeBuildCommand } from './build-app.js';

// The global set-up built dist/ with the README's own command (test/build-app.ts); a fresh
// clone lacks @lenet/core's kernels, which that build makes first (plugins/lenet-kernels.test.ts).
let app: AppPage | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Trains `images` MNIST images of LeNet-5 for one epoch and waits for the end. */
async function trainFew(page: AppPage['page'], images: number): Promise<void> {
  await page.selectOption('#train-model', 'lenet5');
  await page.fill('#train-limit', String(images));
  await page.click('#train-start');
  await page.waitForSelector(`#train-status[data-state="done"][data-images="${images}"]`, {
    timeout: 60_000,
  });
}

describe('the site the README builds (headless Chromium)', () => {
  it("is built by the README's command and bundles @lenet/core's LeNet kernels", () => {
    expect(readmeBuildCommand()).toEqual(['pnpm', '--filter', '@lenet/web', 'build']);
    const assets = readdirSync(new URL('../dist/assets/', import.meta.url));
    expect(assets.filter((file) => /^lenet-kernels-[\w-]+\.wasm$/.test(file))).toHaveLength(1);
  });

  it('trains a few batches with the LeNet engine, on any number of images (100, not a multiple of 32)', async () => {
    app = await openApp();
    const { page } = app;
    for (const count of ['1000', '5000', '100']) {
      await page.fill('#train-limit', count);
      expect(
        await page.$eval('#train-limit', (input: HTMLInputElement) => input.validity.valid),
      ).toBe(true);
    }
    await trainFew(page, 100);
    expect(await page.getAttribute('#train-status', 'data-kernels')).toBe('lenet');
    expect(await page.getAttribute('#train-curves', 'data-batches')).toBe('4');
    expect(app.errors).toEqual([]);
  });

  it("falls back to tfjs's gradients, and says so, when the kernels cannot be fetched", async () => {
    app = await openApp();
    const { page } = app;
    await page.route('**/lenet-kernels-*.wasm', (route) =>
      route.fulfill({ status: 404, body: 'not found' }),
    );
    await trainFew(page, 64);
    expect(await page.getAttribute('#train-status', 'data-kernels')).toBe('tfjs');
    expect(await page.textContent('#train-status')).toContain('gradients: tfjs');
    expect(await page.isVisible('#train-notice')).toBe(true);
    expect(await page.textContent('#train-notice')).toMatch(
      /^Training with tfjs's gradients \(slower\): the LeNet engine could not start\. Could not fetch the LeNet kernels at http:\/\/127\.0\.0\.1:\d+\/assets\/lenet-kernels-[\w-]+\.wasm: HTTP 404\./,
    );
    // The 404 itself is the only console error.
    expect(app.errors.every((error) => error.includes('404'))).toBe(true);
  });

  it('says which files to put where, and where to get them, when the default folder has none (a static host)', async () => {
    app = await openApp();
    const { page } = app;
    await page.selectOption('#train-dataset', 'fashion-mnist');
    await page.click('#train-start');
    await page.waitForSelector('#data-status[data-state="failed"]', { timeout: 60_000 });
    const lines = ((await page.textContent('#data-status')) ?? '').split('\n');
    expect(lines[0]).toMatch(
      /fashion-mnist\/train-images-idx3-ubyte\.gz: the server answered HTTP 404/,
    );
    expect(lines[1]).toMatch(
      /^No Fashion-MNIST files at http:\/\/127\.0\.0\.1:\d+\/fashion-mnist\/: put train-images-idx3-ubyte\.gz, train-labels-idx1-ubyte\.gz, t10k-images-idx3-ubyte\.gz, t10k-labels-idx1-ubyte\.gz there \(they can be downloaded from http:\/\/fashion-mnist\.s3-website\.eu-central-1\.amazonaws\.com\/\), or choose "from this computer" and pick them\.$/,
    );
    expect(await page.isEnabled('#train-start')).toBe(true);
  });
});
