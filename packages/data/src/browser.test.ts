import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChecksumError, MNIST, datasetFileRoles, loadDataset, loadMnist } from './browser.js';
import { startLocalServer } from './test-support/local-server.js';
import type { LocalServer } from './test-support/local-server.js';
import {
  histogram,
  mnistGzipSha256,
  mnistLabelHistograms,
  mnistTestDirectory,
} from './test-support/mnist-directory.js';

/** Every relative module the browser entry reaches, and every bare import in them. */
function browserImports(): { modules: string[]; bare: string[] } {
  const modules = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(
      /(?:import|export)[^'"]*from\s+'([^']+)'/g,
    )) {
      if (specifier.startsWith('.'))
        visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else bare.add(specifier);
    }
  };
  visit(join(import.meta.dirname, 'browser.ts'));
  return { modules: [...modules], bare: [...bare] };
}

let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer();
  const folder = mnistTestDirectory();
  for (const role of datasetFileRoles) {
    const name = `${MNIST.files[role].name}.gz`;
    const bytes = await readFile(join(folder, name));
    server.route(`/data/mnist/${name}`, { kind: 'file', bytes });
    server.route(`/corrupt/${name}`, {
      kind: 'file',
      bytes: role === 'testLabels' ? bytes.subarray(0, bytes.length - 1) : bytes,
    });
  }
});
afterAll(async () => {
  await server.close();
});

describe('the browser entry', () => {
  it('imports no Node built-in, directly or through its modules', () => {
    const { modules, bare } = browserImports();
    expect(modules.length).toBeGreaterThan(20);
    expect(modules.some((file) => file.includes(join('src', 'node')))).toBe(false);
    const builtins = new Set(builtinModules);
    expect(
      bare.filter((specifier) => specifier.startsWith('node:') || builtins.has(specifier)),
    ).toEqual([]);
    const nodeGlobals = modules.filter((file) =>
      /\b(process\.|Buffer\.|require\()/.test(readFileSync(file, 'utf8')),
    );
    expect(nodeGlobals).toEqual([]);
  });

  it('loads MNIST from a folder URL with fetch and DecompressionStream', async () => {
    const dataset = await loadMnist({ folder: `${server.baseUrl}data/mnist` });
    expect(dataset.source).toEqual({ kind: 'folder', location: `${server.baseUrl}data/mnist/` });
    expect(dataset.train.count).toBe(60000);
    expect(histogram(dataset.train.labels)).toEqual(mnistLabelHistograms.train);
    expect(dataset.files.map((file) => file.sha256)).toEqual(mnistGzipSha256);
    expect(
      dataset.files.every((file) => file.verified && file.path.startsWith(server.baseUrl)),
    ).toBe(true);
  });

  it('downloads from the first mirror that serves good copies', async () => {
    const dataset = await loadDataset(MNIST, {
      mirrors: [`${server.baseUrl}missing/`, `${server.baseUrl}data/mnist/`],
    });
    expect(dataset.source.kind).toBe('download');
    expect(histogram(dataset.test.labels)).toEqual(mnistLabelHistograms.test);
  });

  it('rejects a damaged file with ChecksumError', async () => {
    const error: unknown = await loadMnist({ mirrors: [`${server.baseUrl}corrupt/`] }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ChecksumError);
    expect((error as ChecksumError).file).toBe(
      `${server.baseUrl}corrupt/t10k-labels-idx1-ubyte.gz`,
    );
  });

  it('has no file-system sources', async () => {
    await expect(loadMnist({ source: 'cache' })).rejects.toMatchObject({
      name: 'DatasetNotFoundError',
    });
  });
});
