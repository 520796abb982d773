// Light installs: @lenet/data and @lenet/viz, each installed alone from its tarball (with
// @lenet/common, its one lenet dependency) as a user's `npm i` would, bring neither @lenet/core
// nor TensorFlow.js's WebAssembly backend; what each install weighs is printed for the READMEs.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot, run } from './install-folder.ts';

let root = '';
const tarballs = new Map<string, string>();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lenet-light-install-'));
  for (const folder of ['common', 'data', 'viz']) {
    const destination = join(root, 'tarballs', folder);
    await run(
      'pnpm',
      ['pack', '--pack-destination', destination],
      join(repositoryRoot, 'packages', folder),
    );
    const [name = ''] = readdirSync(destination);
    tarballs.set(folder, join(destination, name));
  }
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function installAlone(folder: string): Promise<string> {
  const app = join(root, `app-${folder}`);
  await run('mkdir', ['-p', app], root);
  await writeFile(
    join(app, 'package.json'),
    JSON.stringify({ name: `lenet-${folder}-alone`, private: true, type: 'module' }),
  );
  await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      tarballs.get(folder) ?? '',
      tarballs.get('common') ?? '',
    ],
    app,
    600_000,
  );
  return app;
}

describe.each(['data', 'viz'])('npm i @lenet/%s alone', (folder) => {
  it('installs neither @lenet/core nor @tensorflow/tfjs-backend-wasm', async () => {
    const app = await installAlone(folder);
    const modules = join(app, 'node_modules');
    expect(existsSync(join(modules, '@lenet', folder, 'package.json'))).toBe(true);
    expect(existsSync(join(modules, '@lenet', 'common', 'package.json'))).toBe(true);
    expect(existsSync(join(modules, '@lenet', 'core'))).toBe(false);
    expect(existsSync(join(modules, '@tensorflow', 'tfjs-backend-wasm'))).toBe(false);
    const size = (path: string) =>
      execFileSync('du', ['-sk', path], { encoding: 'utf8' }).split('\t')[0];
    console.log(
      `@lenet/${folder} alone: the package ${String(size(join(modules, '@lenet', folder)))} kB, all of node_modules ${String(size(modules))} kB`,
    );
  }, 600_000);
});
