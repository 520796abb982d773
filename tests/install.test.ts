// The install test: the four libraries packed with pnpm, installed from their tarballs into a
// fresh folder outside the workspace, then used under plain Node ESM (one script per package,
// importing only that package and what it declares, plus one script using all four) and
// bundled for the browser by a fresh Vite build.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createInstallFolder,
  libraryFolders,
  repositoryRoot,
  run,
  tfjsLibraryFolders,
} from './install-folder.ts';

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const mnistFolder = process.env.LENET_TEST_MNIST_DIR;
let installed: Awaited<ReturnType<typeof createInstallFolder>> | undefined;

function app(): string {
  if (installed === undefined)
    throw new Error('the install folder was not created (see the beforeAll error above)');
  return installed.app;
}

function installedManifest(name: string): Manifest {
  return JSON.parse(
    readFileSync(join(app(), 'node_modules', name, 'package.json'), 'utf8'),
  ) as Manifest;
}

/** Runs a consumer script with plain Node and returns the JSON of its last output line. */
async function runScript(script: string): Promise<Record<string, unknown>> {
  const output = await run('node', [script], app());
  const lastLine = output.trim().split('\n').at(-1) ?? '';
  return JSON.parse(lastLine) as Record<string, unknown>;
}

/** The bytes of every file under a folder, as npm's "unpacked size" counts them. */
function unpackedBytes(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce((total, entry) => {
    const path = join(folder, entry.name);
    return total + (entry.isDirectory() ? unpackedBytes(path) : statSync(path).size);
  }, 0);
}

/** The install size a package's README states, in bytes. */
function statedInstallSize(folder: string): number {
  const readme = readFileSync(join(repositoryRoot, 'packages', folder, 'README.md'), 'utf8');
  const match =
    /Install size \(checked by\s+`tests\/install\.test\.ts`\): the package about ([\d.]+) (kB|MB) unpacked/.exec(
      readme,
    );
  if (match === null)
    throw new Error(
      `packages/${folder}/README.md states no "Install size (checked by \`tests/install.test.ts\`): the package about N MB unpacked"`,
    );
  return Number(match[1]) * (match[2] === 'MB' ? 1e6 : 1e3);
}

function importedPackages(script: string): string[] {
  const source = readFileSync(join(import.meta.dirname, 'install', script), 'utf8');
  const specifiers = [...source.matchAll(/^import\s[^;]*?\sfrom '([^']+)';$/gm)].map(
    (match) => match[1] ?? '',
  );
  return specifiers
    .filter((specifier) => !specifier.startsWith('node:'))
    .map((specifier) => specifier.split('/').slice(0, 2).join('/'));
}

beforeAll(async () => {
  if (!mnistFolder)
    throw new Error(
      'LENET_TEST_MNIST_DIR is not set: point it at the folder of the four official MNIST .gz files.',
    );
  installed = await createInstallFolder();
}, 900_000);

afterAll(async () => {
  if (installed !== undefined) await rm(installed.root, { recursive: true, force: true });
});

describe('the packed libraries', () => {
  it('install from their tarballs with npm, with exactly one copy of tfjs', () => {
    const tfjsCores = execFileSync(
      'find',
      ['node_modules', '-path', '*/@tensorflow/tfjs-core/package.json'],
      { cwd: app(), encoding: 'utf8' },
    );
    expect(tfjsCores.trim().split('\n')).toEqual([
      'node_modules/@tensorflow/tfjs-core/package.json',
    ]);
    expect(existsSync(join(app(), 'node_modules', '@lenet', 'core', 'dist', 'index.js'))).toBe(
      true,
    );
  });

  it.each(tfjsLibraryFolders)(
    '@lenet/%s depends on its siblings by version and on tfjs only as a peer',
    (folder) => {
      const manifest = installedManifest(`@lenet/${folder}`);
      expect(manifest.peerDependencies?.['@tensorflow/tfjs']).toBe('^4.22.0');
      expect(Object.keys(manifest.dependencies ?? {})).not.toContain('@tensorflow/tfjs');
      for (const version of Object.values(manifest.dependencies ?? {}))
        expect(version).not.toMatch(/^workspace:/);
    },
  );

  it('ship no tests, fixtures or data', () => {
    const listed = (installed?.tarballs ?? []).flatMap((tarball) =>
      execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n'),
    );
    expect(listed.length).toBeGreaterThan(100);
    expect(
      listed.filter((file) => /\.test\.|__fixtures__|test-support|ubyte|\.tsbuildinfo/.test(file)),
    ).toEqual([]);
  });

  it('each ship their README, licence, ESM code and declarations', () => {
    for (const tarball of installed?.tarballs ?? []) {
      const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
        .trim()
        .split('\n');
      expect(listed, tarball).toEqual(
        expect.arrayContaining([
          'package/README.md',
          'package/LICENSE',
          'package/package.json',
          'package/dist/index.js',
          'package/dist/index.d.ts',
        ]),
      );
    }
    expect(installed?.tarballs).toHaveLength(libraryFolders.length);
  });

  it.each(libraryFolders)('@lenet/%s is the size its README states, within 25%', (folder) => {
    const measured = unpackedBytes(join(app(), 'node_modules', '@lenet', folder));
    const stated = statedInstallSize(folder);
    expect(
      Math.abs(measured - stated) / stated,
      `packages/${folder}/README.md states ${String(stated)} bytes; npm installed ${String(measured)}`,
    ).toBeLessThan(0.25);
  });

  it.each(['core', 'data', 'models', 'viz'])(
    'the %s script imports only its package and what that declares',
    (folder) => {
      const manifest = installedManifest(`@lenet/${folder}`);
      const declared = [
        manifest.name,
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.peerDependencies ?? {}),
      ];
      expect(importedPackages(`${folder}.mjs`)).toContain(manifest.name);
      expect(importedPackages(`${folder}.mjs`).filter((name) => !declared.includes(name))).toEqual(
        [],
      );
    },
  );
});

describe('under plain Node ESM', () => {
  it('@lenet/core builds the C3 and S4 layers and reads RBF outputs', async () => {
    expect(await runScript('core.mjs')).toEqual({
      backend: 'wasm',
      kernels: expect.any(Number) as number,
      parameters: 1548,
      outputShape: [null, 5, 5, 16],
      rbfFixedParameters: 840,
      labels: [3, 8],
      errorIsLenetError: true,
    });
  });

  it('@lenet/data loads and verifies MNIST and pads and scales it', async () => {
    const result = await runScript('data.mjs');
    expect(result).toMatchObject({
      source: 'folder',
      trainCount: 60000,
      testCount: 10000,
      paddedSize: [32, 32],
      firstBatch: 128,
      tensorShape: [4, 32, 32, 1],
    });
    expect(result.firstTrainLabels).toEqual([5, 0, 4, 1, 9, 2, 1, 3]);
    expect(result.files).toEqual(
      ['trainImages', 'trainLabels', 'testImages', 'testLabels'].map((role) => ({
        role,
        verified: true,
      })),
    );
    const [low, high] = result.scaledRange as [number, number];
    expect([low, high]).toEqual([expect.closeTo(-0.1, 6), expect.closeTo(1.175, 6)]);
  });

  it('@lenet/models summarises LeNet-1 and LeNet-5, trains, saves and reloads', async () => {
    const result = await runScript('models.mjs');
    expect(result.lenet5).toEqual({
      trainableParameters: 60000,
      fixedParameters: 840,
      connections: 340908,
      units: 9119,
    });
    expect(result.lenet1).toEqual({
      trainableParameters: 2578,
      fixedParameters: 0,
      connections: 98442,
      units: 4635,
    });
    const [first = 0, second = 0] = result.losses as number[];
    expect(second).toBeLessThan(first);
    expect(result.largestDifference).toBe(0);
  });

  it('@lenet/viz writes PNG and SVG figures without TensorFlow.js', async () => {
    const result = await runScript('viz.mjs');
    expect(result.pngSignature).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(result.pngWidth).toBe((result.sceneSize as number[])[0]! * 2);
    expect(result).toMatchObject({
      svgStart: '<svg',
      svgMentionsEntry: true,
      svgInMemory: true,
      terminalLines: 4,
    });
    expect(result.error).toBeCloseTo(17 / 300, 12);
  });

  it('all four together: MNIST, LeNet-5, a few batches, save, reload, predict, figures', async () => {
    const result = await runScript('end-to-end.mjs');
    expect(result).toMatchObject({
      backend: 'wasm',
      trainCount: 60000,
      testCount: 10000,
      verified: true,
      reloadedPredictsTheSame: true,
      svgStart: '<svg',
    });
    expect(result.totals).toEqual({
      trainableParameters: 60000,
      fixedParameters: 840,
      connections: 340908,
      units: 9119,
    });
    expect(result.lossAfter).toBeLessThan(result.lossBefore as number);
    const engine = result.engine as { kernels: string; threads: number; losses: number[] };
    expect(engine).toMatchObject({ kernels: 'lenet', threads: 2 });
    expect(engine.losses).toHaveLength(4);
    for (const loss of engine.losses) expect(loss).toBeGreaterThan(0);
    expect(result.pngSignature).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(result.activationLayers).toEqual([
      'input',
      'C1',
      'S2',
      'C3',
      'S4',
      'C5',
      'F6',
      'OUTPUT',
    ]);
  }, 120_000);
});

describe('for TypeScript consumers', () => {
  it.each(['node', 'bundler'])(
    'types check under %s module resolution, with no any where a precise type belongs',
    async (resolution) => {
      const tsc = join(repositoryRoot, 'node_modules', 'typescript', 'bin', 'tsc');
      await expect(run('node', [tsc, '-p', `tsconfig.${resolution}.json`], app())).resolves.toBe(
        '',
      );
    },
  );
});

describe('in a fresh Vite build', () => {
  it('bundles every browser entry without a node: import', async () => {
    await run('npx', ['--no-install', 'vite', 'build', '--logLevel', 'error'], app());
    const assets = join(app(), 'dist', 'assets');
    const chunks = readdirSync(assets).filter((name) => name.endsWith('.js'));
    const code = chunks.map((name) => readFileSync(join(assets, name), 'utf8')).join('\n');
    expect(code.length).toBeGreaterThan(100_000);
    expect(code).not.toMatch(/["'`]node:[a-z_/]+["'`]/);
    expect(code).not.toMatch(/\bfrom\s*["'](fs|path|os|zlib|crypto|url)["']/);
    expect(code).toContain('PartialConv2D');
    expect(
      readdirSync(assets).filter((name) => /^lenet-kernels.*\.wasm$/.test(name)),
      "the LeNet engine's kernels, emitted by Vite",
    ).toHaveLength(1);
    expect(
      code.split('backend was already registered').length - 1,
      'copies of tfjs-core in the bundle',
    ).toBe(1);
  }, 120_000);
});
