import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, it } from 'vitest';

interface PackageJson {
  name: string;
  private?: boolean;
  exports?: unknown;
}

const packagesDir = join(import.meta.dirname, '..', 'packages');
const libraries = readdirSync(packagesDir).map((name) => {
  const dir = join(packagesDir, name);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
  return { dir, manifest };
});
const landed = libraries.filter((library) => library.manifest.exports !== undefined);

describe('published packages', () => {
  it('include at least @lenet/data', () => {
    expect(landed.map((library) => library.manifest.name)).toContain('@lenet/data');
  });

  it.each(libraries.filter((library) => library.manifest.exports === undefined))(
    '$manifest.name has no code until its issue lands',
    ({ dir }) => {
      expect(existsSync(join(dir, 'src'))).toBe(false);
    },
  );

  it.each(landed)('$manifest.name passes publint --strict', async ({ dir }) => {
    const manifest = readFileSync(join(dir, 'package.json'), 'utf8');
    const { messages } = await publint({ pkgDir: dir, strict: true, level: 'suggestion' });
    expect(
      messages.map((message) =>
        formatMessage(message, JSON.parse(manifest) as Record<string, unknown>),
      ),
    ).toEqual([]);
  });

  it.each(landed)('$manifest.name has types that resolve for ESM consumers (attw)', ({ dir }) => {
    const attw = join(import.meta.dirname, '..', 'node_modules', '.bin', 'attw');
    const run = () =>
      execFileSync(attw, ['--pack', dir, '--profile', 'esm-only', '--format', 'table-flipped'], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    expect(run).not.toThrow();
  });

  it.each(landed)('$manifest.name is not private and is published publicly', ({ manifest }) => {
    expect(manifest.private).not.toBe(true);
    expect(manifest.name).toMatch(/^@lenet\//);
  });
});
