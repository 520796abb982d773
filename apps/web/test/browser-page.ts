import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from './static-server.js';

/** Where Debian installs chromium. */
export const chromiumPath = '/usr/bin/chromium';

/** How to open the app: the window's size, and whether it is a phone (touch, mobile viewport). */
export interface AppOptions {
  /** Default 1100x900. */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** A phone: touch events and the mobile viewport meta tag. Default false. */
  readonly phone?: boolean;
}

/** The app open in headless Chromium, with every console error and page error collected. */
export interface AppPage {
  readonly page: Page;
  readonly errors: string[];
  close(): Promise<void>;
}

/**
 * Serves dist/ and opens the app in a fresh headless Chromium profile; resolves when the app is
 * ready. A start that is not ready within a minute (seen once on a loaded 2-core machine, while
 * the CLI's tests trained beside it) is reported on stderr with the page's errors and tried once
 * more in a new browser; a second failure fails the test.
 */
export async function openApp(options: AppOptions = {}): Promise<AppPage> {
  try {
    return await openAppOnce(options);
  } catch (error) {
    process.stderr.write(
      `openApp: the app was not ready, trying once more in a new browser: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return openAppOnce(options);
  }
}

async function openAppOnce(options: AppOptions): Promise<AppPage> {
  const server: StaticServer = await startStaticServer(
    new URL('../dist', import.meta.url).pathname,
  );
  const profile = mkdtempSync(join(tmpdir(), 'lenet-web-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: options.viewport ?? { width: 1100, height: 900 },
    ...(options.phone === true ? { hasTouch: true, isMobile: true, deviceScaleFactor: 3 } : {}),
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const close = async () => {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  } catch (error) {
    await close();
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}; page errors: ${errors.length === 0 ? 'none' : errors.join(' | ')}`,
      { cause: error },
    );
  }
  return { page, errors, close };
}
