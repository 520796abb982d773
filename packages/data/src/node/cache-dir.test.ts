import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FASHION_MNIST } from '../datasets/fashion-mnist.js';
import { datasetCacheDir, lenetCacheDir, mnistCacheDir } from './cache-dir.js';
import { fileNameCandidates } from '../datasets/file-roles.js';

describe('cache folders', () => {
  it('use $XDG_CACHE_HOME/lenet when it is an absolute path', () => {
    expect(lenetCacheDir({ XDG_CACHE_HOME: '/var/cache/me' })).toBe(join('/var/cache/me', 'lenet'));
  });

  it('fall back to ~/.cache/lenet when $XDG_CACHE_HOME is unset or relative', () => {
    expect(lenetCacheDir({})).toBe(join(homedir(), '.cache', 'lenet'));
    expect(lenetCacheDir({ XDG_CACHE_HOME: 'relative/cache' })).toBe(
      join(homedir(), '.cache', 'lenet'),
    );
  });

  it('put each dataset in a sub-folder named after it', () => {
    expect(mnistCacheDir('/tmp/root')).toBe(join('/tmp/root', 'mnist'));
    expect(datasetCacheDir(FASHION_MNIST, '/tmp/root')).toBe(join('/tmp/root', 'fashion-mnist'));
  });
});

describe('fileNameCandidates', () => {
  it('lists gzip before raw, official names before the dotted variant', () => {
    expect(fileNameCandidates('train-images-idx3-ubyte')).toEqual([
      'train-images-idx3-ubyte.gz',
      'train-images-idx3-ubyte',
      'train-images.idx3-ubyte.gz',
      'train-images.idx3-ubyte',
    ]);
  });
});
