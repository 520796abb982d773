import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { coreFolder, ensureLenetKernels, KERNELS_FILE } from './lenet-kernels.js';

let folder: string | undefined;

/** A stand-in for @lenet/core as a fresh clone has it: no wasm/, a build:wasm script. */
function freshCore(buildScript: string): string {
  folder = mkdtempSync(join(tmpdir(), 'lenet-fresh-core-'));
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({ name: 'fresh-core', private: true, scripts: { 'build:wasm': buildScript } }),
  );
  return folder;
}

afterEach(() => {
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

describe('ensureLenetKernels', () => {
  it("runs the package's build:wasm when the kernels are missing, as in a fresh clone", () => {
    const core = freshCore(
      `node -e "const fs = require('node:fs'); fs.mkdirSync('wasm'); fs.writeFileSync('wasm/lenet-kernels.wasm', 'kernels')"`,
    );
    expect(existsSync(join(core, KERNELS_FILE))).toBe(false);
    expect(ensureLenetKernels(core)).toBe(join(core, KERNELS_FILE));
    expect(existsSync(join(core, KERNELS_FILE))).toBe(true);
  });

  it('says what to run when build:wasm writes no kernels', () => {
    const core = freshCore('node -e ""');
    expect(() => ensureLenetKernels(core)).toThrow(
      /wrote no wasm\/lenet-kernels\.wasm\. Run `pnpm --filter @lenet\/core build:wasm`/,
    );
  });

  it("leaves @lenet/core's built kernels as they are", () => {
    const kernels = join(coreFolder(), KERNELS_FILE);
    const before = statSync(kernels).mtimeMs;
    expect(ensureLenetKernels()).toBe(kernels);
    expect(statSync(kernels).mtimeMs).toBe(before);
  });
});
