import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { datasetFileRoles } from '../datasets/dataset-types.js';
import type { DatasetDescriptor, DatasetFileRole } from '../datasets/dataset-types.js';
import { IDX_FILES } from '../datasets/idx-files.js';
import { ChecksumError } from '../errors/checksum-error.js';
import { DownloadError } from '../errors/download-error.js';
import { sha256 } from '../io/sha256.js';
import { gzip, tinyDatasetFiles } from '../test-support/idx-bytes.js';
import { startLocalServer } from '../test-support/local-server.js';
import type { LocalServer } from '../test-support/local-server.js';
import {
  histogram,
  mnistGzipSha256,
  mnistLabelHistograms,
  mnistTestDirectory,
} from '../test-support/mnist-directory.js';
import { downloadDataset } from './download-dataset.js';
import { loadDataset, loadMnist } from './load-dataset.js';

const names: Record<DatasetFileRole, string> = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
};
const tinyGzip = Object.fromEntries(
  Object.entries(tinyDatasetFiles(40, 20)).map(([role, bytes]) => [role, gzip(bytes)]),
) as Record<DatasetFileRole, Uint8Array>;
let tiny: DatasetDescriptor;
let server: LocalServer;
let scratch = '';
let cacheRoot = '';

/** Serves the tiny dataset's four files under `/<folder>/`, one of them answered by `special`. */
function serveTiny(
  folder: string,
  special?: { role: DatasetFileRole; kind: 'corrupt' | 'drop' | 'missing' },
) {
  for (const role of datasetFileRoles) {
    const path = `/${folder}/${names[role]}.gz`;
    const bytes = tinyGzip[role];
    if (special?.role !== role) server.route(path, { kind: 'file', bytes });
    else if (special.kind === 'missing') server.route(path, { kind: 'status', status: 404 });
    else if (special.kind === 'drop')
      server.route(path, { kind: 'drop', bytes, after: Math.floor(bytes.length / 2) });
    else
      server.route(path, {
        kind: 'file',
        bytes: bytes.map((byte, index) => (index === bytes.length - 1 ? byte ^ 1 : byte)),
      });
  }
  return `${server.baseUrl}${folder}/`;
}

async function filesIn(folder: string): Promise<string[]> {
  return readdir(folder, { recursive: true }).catch(() => []);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  server = await startLocalServer();
  scratch = await mkdtemp(join(tmpdir(), 'lenet-data-download-'));
  const files = Object.fromEntries(
    await Promise.all(
      datasetFileRoles.map(
        async (role) =>
          [role, { name: names[role], sha256: { gzip: await sha256(tinyGzip[role]) } }] as const,
      ),
    ),
  ) as DatasetDescriptor['files'];
  tiny = { name: 'tiny', title: 'Tiny', classes: 10, height: 2, width: 3, files, mirrors: [] };
});
afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});
beforeEach(async () => {
  cacheRoot = await mkdtemp(join(scratch, 'cache-'));
});

describe('downloadDataset', () => {
  it('downloads the four files into <cache>/<name>, verified, and loads them as the download source', async () => {
    const mirror = serveTiny('good');
    const files = await downloadDataset(tiny, { cacheDir: cacheRoot, mirrors: [mirror] });
    expect(files.map((file) => file.path)).toEqual(
      datasetFileRoles.map((role) => join(cacheRoot, 'tiny', `${names[role]}.gz`)),
    );
    expect(files.every((file) => file.verified)).toBe(true);
    expect((await readdir(join(cacheRoot, 'tiny'))).sort()).toEqual(
      Object.values(names)
        .map((name) => `${name}.gz`)
        .sort(),
    );
    const dataset = await loadDataset(tiny, {
      cacheDir: cacheRoot,
      source: 'download',
      mirrors: [mirror],
    });
    expect(dataset.source).toEqual({ kind: 'download', location: join(cacheRoot, 'tiny') });
    expect(dataset.train.count).toBe(40);
  });

  it('falls through to a download when no other source has the files', async () => {
    const dataset = await loadDataset(tiny, {
      cacheDir: cacheRoot,
      mirrors: [serveTiny('last-resort')],
    });
    expect(dataset.source).toEqual({ kind: 'download', location: join(cacheRoot, 'tiny') });
    expect((await loadDataset(tiny, { cacheDir: cacheRoot, mirrors: [] })).source.kind).toBe(
      'cache',
    );
  });

  it('does not fetch again what the cache already holds intact', async () => {
    const mirror = serveTiny('again');
    await downloadDataset(tiny, { cacheDir: cacheRoot, mirrors: [mirror] });
    const before = server.requests.length;
    await downloadDataset(tiny, { cacheDir: cacheRoot, mirrors: [mirror] });
    expect(server.requests.length).toBe(before);
  });

  it('rejects a corrupt file with ChecksumError and leaves nothing of it in the cache', async () => {
    const mirror = serveTiny('corrupt', { role: 'trainImages', kind: 'corrupt' });
    const error = await failure(downloadDataset(tiny, { cacheDir: cacheRoot, mirrors: [mirror] }));
    expect(error).toBeInstanceOf(ChecksumError);
    expect(error).toMatchObject({
      file: `${mirror}train-images-idx3-ubyte.gz`,
      expected: `sha256 (.gz) ${tiny.files.trainImages.sha256?.gzip ?? ''}`,
    });
    expect(await filesIn(cacheRoot)).toEqual([]);
  });

  it('survives a connection dropped mid-file: DownloadError, an empty cache, and a retry that succeeds', async () => {
    const mirror = serveTiny('flaky', { role: 'trainImages', kind: 'drop' });
    const error = await failure(downloadDataset(tiny, { cacheDir: cacheRoot, mirrors: [mirror] }));
    expect(error).toBeInstanceOf(DownloadError);
    const dropped = error as DownloadError;
    expect(dropped.problem).toBe('connection');
    expect(dropped.expected).toBe(tinyGzip.trainImages.length);
    expect(dropped.byteOffset).toBe(Math.floor(tinyGzip.trainImages.length / 2));
    expect(await filesIn(cacheRoot)).toEqual([]);
    serveTiny('flaky');
    const files = await downloadDataset(tiny, { cacheDir: cacheRoot, mirrors: [mirror] });
    expect(files.map((file) => file.sha256)).toEqual(
      datasetFileRoles.map((role) => tiny.files[role].sha256?.gzip),
    );
  });

  it('tries the next mirror when one fails, and lists every failure when all do', async () => {
    const broken = serveTiny('broken', { role: 'testImages', kind: 'missing' });
    const good = serveTiny('fine');
    await downloadDataset(tiny, { cacheDir: cacheRoot, mirrors: [broken, good] });
    expect(server.requests).toContain('/broken/t10k-images-idx3-ubyte.gz');
    expect(server.requests).toContain('/fine/t10k-images-idx3-ubyte.gz');
    const error = await failure(
      downloadDataset(tiny, {
        cacheDir: await mkdtemp(join(scratch, 'cache-')),
        mirrors: [broken, broken],
      }),
    );
    expect(error).toMatchObject({
      name: 'DownloadError',
      problem: 'all-mirrors-failed',
      url: 't10k-images-idx3-ubyte.gz',
    });
    expect((error as Error).message).toContain('HTTP 404');
  });

  it('lets two downloads fill the same cache at once without corrupting it', async () => {
    const mirror = serveTiny('parallel');
    const [first, second] = await Promise.all([
      downloadDataset(tiny, { cacheDir: cacheRoot, mirrors: [mirror] }),
      downloadDataset(tiny, { cacheDir: cacheRoot, mirrors: [mirror] }),
    ]);
    expect(first).toEqual(second);
    const cached = await readFile(join(cacheRoot, 'tiny', 'train-images-idx3-ubyte.gz'));
    expect(await sha256(cached)).toBe(tiny.files.trainImages.sha256?.gzip);
    expect((await filesIn(cacheRoot)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('lets two separate processes fill the same cache at once', async () => {
    const mirror = serveTiny('processes');
    const child = join(import.meta.dirname, '..', 'test-support', 'download-in-child.ts');
    const run = () =>
      promisify(execFile)(
        process.execPath,
        [
          '--conditions=@lenet/source',
          '--import',
          'tsx',
          child,
          cacheRoot,
          mirror,
          JSON.stringify(tiny),
        ],
        { cwd: join(import.meta.dirname, '..', '..') },
      );
    const outputs = await Promise.all([run(), run()]);
    const [first, second] = outputs.map(({ stdout }) => JSON.parse(stdout) as unknown);
    expect(first).toEqual(second);
    expect((await readdir(join(cacheRoot, 'tiny'))).sort()).toEqual(
      Object.values(names)
        .map((name) => `${name}.gz`)
        .sort(),
    );
    for (const role of datasetFileRoles) {
      expect(await sha256(await readFile(join(cacheRoot, 'tiny', `${names[role]}.gz`)))).toBe(
        tiny.files[role].sha256?.gzip,
      );
    }
  });

  it('deletes temporary files abandoned by a killed process, but not fresh ones', async () => {
    const folder = join(cacheRoot, 'tiny');
    await mkdir(folder, { recursive: true });
    const abandoned = join(folder, 'train-images-idx3-ubyte.gz.1234-old.partial');
    const fresh = join(folder, 'train-images-idx3-ubyte.gz.5678-new.partial');
    await writeFile(abandoned, 'half a file');
    await writeFile(fresh, 'being written');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(abandoned, twoHoursAgo, twoHoursAgo);
    await downloadDataset(tiny, { cacheDir: cacheRoot, mirrors: [serveTiny('tidy')] });
    const left = await readdir(folder);
    expect(left).not.toContain('train-images-idx3-ubyte.gz.1234-old.partial');
    expect(left).toContain('train-images-idx3-ubyte.gz.5678-new.partial');
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped by the test'));
    const error = await failure(
      downloadDataset(tiny, {
        cacheDir: cacheRoot,
        mirrors: [serveTiny('aborted')],
        signal: controller.signal,
      }),
    );
    expect(error).toMatchObject({ message: 'stopped by the test' });
    expect(await filesIn(cacheRoot)).toEqual([]);
  });

  it('refuses to download a dataset without recorded checksums', async () => {
    const error = await failure(
      downloadDataset(IDX_FILES, { cacheDir: cacheRoot, mirrors: [server.baseUrl] }),
    );
    expect(error).toMatchObject({ name: 'DownloadError', problem: 'no-checksum' });
    expect(server.requests).not.toContain('/train-images-idx3-ubyte.gz');
  });
});

describe('loadMnist download from a local mirror', () => {
  it('downloads the official files, verifies them, and reads them from the cache next time', async () => {
    const folder = mnistTestDirectory();
    for (const role of datasetFileRoles) {
      const name = `${names[role]}.gz`;
      server.route(`/mnist/${name}`, { kind: 'file', bytes: await readFile(join(folder, name)) });
    }
    const progress: number[] = [];
    const downloaded = await loadMnist({
      cacheDir: cacheRoot,
      source: 'download',
      mirrors: [`${server.baseUrl}mnist/`],
      onProgress: (event) => {
        if (event.type === 'download') progress.push(event.receivedBytes);
      },
    });
    expect(downloaded.source.kind).toBe('download');
    expect(downloaded.files.map((file) => file.sha256)).toEqual(mnistGzipSha256);
    expect(histogram(downloaded.test.labels)).toEqual(mnistLabelHistograms.test);
    expect(Math.max(...progress)).toBe(9912422);
    const cached = await loadMnist({ cacheDir: cacheRoot, source: 'cache' });
    expect(cached.source).toEqual({ kind: 'cache', location: join(cacheRoot, 'mnist') });
  });
});
