import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/** Where `@lenet/core`'s `build:wasm` script writes the LeNet kernels, inside the package. */
export const KERNELS_FILE = join('wasm', 'lenet-kernels.wasm');

/** The folder of the `@lenet/core` package the app is built with. */
export function coreFolder(): string {
  return dirname(createRequire(import.meta.url).resolve('@lenet/core/package.json'));
}

/**
 * Makes sure `@lenet/core`'s WebAssembly kernels exist before the app is bundled: they are a
 * git-ignored output of its `build:wasm` script, missing from a fresh clone, and without them
 * Vite only warns and the site's training fails. When the file is missing, runs
 * `pnpm run build:wasm` in the package (AssemblyScript, a few seconds).
 *
 * @param folder - The `@lenet/core` package folder. Default: the one the app resolves.
 * @returns The kernels' path.
 * @throws {Error} When the script fails or writes no kernels, saying what to run by hand.
 */
export function ensureLenetKernels(folder: string = coreFolder()): string {
  const kernels = join(folder, KERNELS_FILE);
  if (existsSync(kernels)) return kernels;
  process.stdout.write(`${kernels} is missing: building it with @lenet/core's build:wasm\n`);
  try {
    execFileSync('pnpm', ['run', 'build:wasm'], { cwd: folder, stdio: 'inherit' });
  } catch (error) {
    throw new Error(
      `Could not build the LeNet kernels in ${folder} (pnpm run build:wasm failed). Run \`pnpm --filter @lenet/core build:wasm\` and build again.`,
      { cause: error },
    );
  }
  if (!existsSync(kernels))
    throw new Error(
      `pnpm run build:wasm in ${folder} wrote no ${KERNELS_FILE}. Run \`pnpm --filter @lenet/core build:wasm\` and build again.`,
    );
  return kernels;
}

/**
 * Builds `@lenet/core`'s kernels when they are missing ({@link ensureLenetKernels}), before the
 * dev server starts or a build begins, and fails a build that did not bundle them (Vite would
 * only warn that `new URL('../../wasm/lenet-kernels.wasm', import.meta.url)` does not exist).
 */
export function lenetKernels(): Plugin {
  return {
    name: 'lenet-kernels',
    buildStart() {
      ensureLenetKernels();
    },
    generateBundle(_options, bundle) {
      if (!Object.keys(bundle).some((name) => /lenet-kernels-[\w-]+\.wasm$/.test(name)))
        this.error(
          `The bundle holds no lenet-kernels-*.wasm: @lenet/core's kernels (${KERNELS_FILE}) were not found at build time, so training in the page would fail. Run \`pnpm --filter @lenet/core build:wasm\` and build again.`,
        );
    },
  };
}
