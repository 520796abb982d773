import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from './static-server.js';

/** Where Debian installs chromium. */
export const chromiumPath = '/usr/bin/chromium';

/** The app open in headless Chromium, with every console error and page error collected. */
export interface AppPage {
  readonly page: Page;
  readonly errors: string[];
  close(): Promise<void>;
}

/** Serves dist/ and opens the app in a fresh headless Chromium profile; resolves when the app is ready. */
export async function openApp(): Promise<AppPage> {
  const server: StaticServer = await startStaticServer(new URL('../dist', import.meta.url).pathname);
  const profile = mkdtempSync(join(tmpdir(), 'lenet-web-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1100, height: 900 },
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  return {
    page,
    errors,
    close: async () => {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
