// Packs the four libraries with pnpm and installs the tarballs, as a user would, into a
// fresh folder outside the workspace (no workspace links), once per test run.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { consumerConfigs, consumerSource } from './install-consumer.ts';

/** The published libraries, by folder under packages/. */
export const libraryFolders = ['common', 'core', 'data', 'models', 'viz'] as const;

/** The libraries built on TensorFlow.js (a peer of each); @lenet/common needs nothing. */
export const tfjsLibraryFolders = ['core', 'data', 'models', 'viz'] as const;

/** The repository root. */
export const repositoryRoot = join(import.meta.dirname, '..');

/** What the install folder holds beside the libraries: the peers a user adds, and Vite. */
export const thirdPartyPackages = [
  '@tensorflow/tfjs@4.22.0',
  '@tensorflow/tfjs-backend-wasm@4.22.0',
  'vite@^8.3.0',
];

/** Runs a command, rejecting with its output when it fails. */
export async function run(
  command: string,
  args: readonly string[],
  cwd: string,
  timeout = 120_000,
): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(command, args, {
      cwd,
      timeout,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: process.env,
    });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${stdout}\n${stderr}`, {
      cause: error,
    });
  }
}

function checkBuilt(folder: string): void {
  const manifest = JSON.parse(
    readFileSync(join(repositoryRoot, 'packages', folder, 'package.json'), 'utf8'),
  ) as { main: string };
  if (!existsSync(join(repositoryRoot, 'packages', folder, manifest.main))) {
    throw new Error(
      `packages/${folder} is not built (${manifest.main} is missing): run \`pnpm build\` first.`,
    );
  }
}

/**
 * Packs every library into `<folder>/tarballs` and installs them with npm, together with
 * the third-party packages, into `<folder>/app`; puts the consumer scripts and the
 * TypeScript consumer there.
 *
 * @returns The app folder and the tarball paths.
 */
export async function createInstallFolder(): Promise<{
  root: string;
  app: string;
  tarballs: string[];
}> {
  libraryFolders.forEach(checkBuilt);
  const root = await mkdtemp(join(tmpdir(), 'lenet-install-test-'));
  const tarballFolder = join(root, 'tarballs');
  const app = join(root, 'app');
  await mkdir(app, { recursive: true });
  for (const folder of libraryFolders) {
    await run(
      'pnpm',
      ['pack', '--pack-destination', tarballFolder],
      join(repositoryRoot, 'packages', folder),
    );
  }
  const tarballs = readdirSync(tarballFolder).map((name) => join(tarballFolder, name));
  await writeFile(
    join(app, 'package.json'),
    JSON.stringify({ name: 'lenet-install-check', private: true, type: 'module' }),
  );
  await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      ...tarballs,
      ...thirdPartyPackages,
    ],
    app,
    600_000,
  );
  const scripts = readdirSync(join(import.meta.dirname, 'install')).filter((name) =>
    /\.(mjs|js|html)$/.test(name),
  );
  await Promise.all(
    scripts.map((name) => copyFile(join(import.meta.dirname, 'install', name), join(app, name))),
  );
  await writeFile(join(app, 'consumer.ts'), consumerSource);
  await Promise.all(
    Object.entries(consumerConfigs).map(([name, config]) =>
      writeFile(join(app, name), JSON.stringify(config)),
    ),
  );
  return { root, app, tarballs };
}
