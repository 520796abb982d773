import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { build } from 'vite';
import { chromiumPath } from './browser-page.js';

/**
 * The browser tests' global set-up: installs Debian's chromium when it is missing (as root
 * with apt), else fails with what to do; then builds the app once into dist/, as
 * `pnpm --filter @lenet/web build` does.
 */
export default async function buildApp(): Promise<void> {
  if (!existsSync(chromiumPath)) {
    const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
    if (!canInstall)
      throw new Error(
        `The browser tests need Chromium at ${chromiumPath}. Install it (apt-get install -y chromium) and run the tests again.`,
      );
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit' });
  }
  await build({
    configFile: new URL('../vite.config.ts', import.meta.url).pathname,
    logLevel: 'warn',
  });
}
