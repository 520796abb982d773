import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chromiumPath } from './browser-page.js';

const appFolder = new URL('..', import.meta.url).pathname;
const repositoryRoot = new URL('../../..', import.meta.url).pathname;

/**
 * The command apps/web/README.md gives for a static site: the line of its "Run it" block that
 * ends in `# static site in apps/web/dist`, as words (`pnpm --filter @lenet/web build`).
 *
 * @throws {Error} When the README has no such line.
 */
export function readmeBuildCommand(): string[] {
  const readme = readFileSync(new URL('README.md', new URL('..', import.meta.url)), 'utf8');
  const line = readme.split('\n').find((text) => /#\s*static site in apps\/web\/dist/.test(text));
  if (line === undefined)
    throw new Error(
      'apps/web/README.md gives no build command ending in "# static site in apps/web/dist".',
    );
  return (line.split('#')[0] ?? '').trim().split(/\s+/);
}

/**
 * Builds the app into dist/ exactly as the README says, from the repository's root, and
 * returns what the build printed.
 */
export function buildAsTheReadmeSays(): string {
  const [command = 'pnpm', ...args] = readmeBuildCommand();
  return execFileSync(command, args, { cwd: repositoryRoot, encoding: 'utf8', stdio: 'pipe' });
}

/**
 * The browser tests' global set-up: installs Debian's chromium when it is missing (as root
 * with apt), else fails with what to do; then builds the app once into dist/ with the
 * README's command ({@link buildAsTheReadmeSays}), which the tests serve.
 */
export default function buildApp(): void {
  if (!existsSync(chromiumPath)) {
    const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
    if (!canInstall)
      throw new Error(
        `The browser tests need Chromium at ${chromiumPath}. Install it (apt-get install -y chromium) and run the tests again.`,
      );
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit' });
  }
  const output = buildAsTheReadmeSays();
  if (!existsSync(`${appFolder}dist/index.html`))
    throw new Error(`The README's build command wrote no ${appFolder}dist/index.html:\n${output}`);
}
