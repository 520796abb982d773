import { DownloadError, IDX_FILES, MNIST } from '@lenet/data';
import { describe, expect, it } from 'vitest';
import { folderHint } from './folder-hint.js';

const page = 'https://example.org/lenet/';
const failure = (problem: 'status' | 'connection', url: string) =>
  new DownloadError({
    problem,
    url,
    receivedBytes: 0,
    expected: 'HTTP 200',
    actual: 'HTTP 404',
    message: 'failed',
  });

describe('folderHint', () => {
  it('names the four files and a mirror when the folder answers 404, as on a static host without them', () => {
    const hint = folderHint(
      failure('status', `${page}mnist/train-images-idx3-ubyte.gz`),
      MNIST,
      `${page}mnist/`,
      page,
    );
    expect(hint).toBe(
      `No MNIST files at ${page}mnist/: put train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz there (they can be downloaded from https://ossci-datasets.s3.amazonaws.com/mnist/), or choose "from this computer" and pick them.`,
    );
  });

  it('names no mirror for IDX files, which have none', () => {
    expect(
      folderHint(failure('status', `${page}idx/x`), IDX_FILES, `${page}idx/`, page),
    ).not.toContain('downloaded');
  });

  it('speaks of CORS when a folder on another origin cannot be reached', () => {
    const folder = 'https://mirror.example.com/mnist/';
    expect(folderHint(failure('connection', `${folder}x.gz`), MNIST, folder, page)).toMatch(
      /^https:\/\/mirror\.example\.com is not this page's origin: .*Access-Control-Allow-Origin \(CORS\)/,
    );
    expect(
      folderHint(failure('connection', `${page}mnist/x.gz`), MNIST, `${page}mnist/`, page),
    ).toBeUndefined();
  });

  it('has nothing to add to other errors', () => {
    expect(folderHint(new Error('bad'), MNIST, `${page}mnist/`, page)).toBeUndefined();
  });
});
