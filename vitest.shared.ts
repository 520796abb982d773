import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The vitest settings every workspace package shares.
 *
 * - Sibling `@lenet/*` packages resolve to their TypeScript source through the
 *   `@lenet/source` export condition, so tests never need a prior build.
 * - `LENET_TEST_MNIST_DIR` defaults to the shared MNIST folder beside the checkout
 *   (`../shared/data/mnist`); CI passes it in explicitly.
 * - Besides the console summary, each run writes `reports/vitest.json` in the package
 *   (a turbo output, so cached runs restore it); `scripts/count-tests.mjs` turns those
 *   reports into the closing `N passed, N failed` line of the check.
 */
export function lenetVitestConfig(packageDir: string) {
  const repoRoot = dirname(fileURLToPath(import.meta.url));
  const sharedMnist = resolve(repoRoot, '..', 'shared', 'data', 'mnist');
  if (!process.env.LENET_TEST_MNIST_DIR && existsSync(sharedMnist)) {
    process.env.LENET_TEST_MNIST_DIR = sharedMnist;
  }
  const conditions = ['@lenet/source', 'module', 'node', 'import', 'default'];
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['node'] } },
    test: {
      root: packageDir,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts', '*.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 120_000,
      reporters: ['default', 'json'],
      outputFile: { json: join(packageDir, 'reports', 'vitest.json') },
      server: { deps: { inline: [/@lenet\//] } },
    },
  });
}
