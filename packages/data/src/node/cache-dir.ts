import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { MNIST } from '../datasets/mnist.js';
import type { DatasetDescriptor } from '../datasets/dataset-types.js';

/**
 * The user's lenet cache root: `$XDG_CACHE_HOME/lenet` when that variable holds an
 * absolute path, else `~/.cache/lenet`.
 *
 * @param environment - The environment variables to read. Default: `process.env`.
 */
export function lenetCacheDir(environment: NodeJS.ProcessEnv = process.env): string {
  const xdg = environment['XDG_CACHE_HOME'];
  return xdg !== undefined && isAbsolute(xdg)
    ? join(xdg, 'lenet')
    : join(homedir(), '.cache', 'lenet');
}

/**
 * The cache folder of one dataset: a sub-folder of the cache root named after it.
 *
 * @param descriptor - The dataset.
 * @param cacheDir - The cache root. Default: {@link lenetCacheDir}.
 */
export function datasetCacheDir(
  descriptor: DatasetDescriptor,
  cacheDir: string = lenetCacheDir(),
): string {
  return join(cacheDir, descriptor.name);
}

/**
 * The MNIST cache folder, `~/.cache/lenet/mnist` by default.
 *
 * @param cacheDir - The cache root. Default: {@link lenetCacheDir}.
 */
export function mnistCacheDir(cacheDir?: string): string {
  return datasetCacheDir(MNIST, cacheDir);
}
