import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runLenet, testMnistFolder } from '../test-support/run-lenet.js';

interface EvalJson {
  errorRate: number;
  errors: number;
  count: number;
  perClassError: number[];
  confusion: number[];
  figures: string[];
}

describe('lenet eval', () => {
  it('tests a trained run on the 10,000 MNIST test digits with a consistent confusion matrix and figures', () => {
    const figures = mkdtempSync(join(tmpdir(), 'lenet-eval-'));
    const run = runLenet([
      'eval',
      inject('trainedModel'),
      '--folder',
      testMnistFolder(),
      '--figures',
      figures,
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as EvalJson;
    expect(result.count).toBe(10_000);
    expect(result.errorRate).toBeLessThan(0.12);
    expect(result.confusion.reduce((sum, count) => sum + count, 0)).toBe(10_000);
    const diagonal = result.confusion
      .filter((_, index) => index % 11 === 0)
      .reduce((sum, count) => sum + count, 0);
    expect(10_000 - diagonal).toBe(result.errors);
    const rowTotals = Array.from({ length: 10 }, (_, row) =>
      result.confusion.slice(row * 10, row * 10 + 10).reduce((sum, count) => sum + count, 0),
    );
    expect(rowTotals).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    expect(result.perClassError).toHaveLength(10);
    expect(result.figures.every((file) => existsSync(file))).toBe(true);
  });

  it('prints the error and a confusion matrix for people', () => {
    const run = runLenet([
      'eval',
      inject('trainedModel'),
      '--folder',
      testMnistFolder(),
      '--figures',
      mkdtempSync(join(tmpdir(), 'lenet-eval-')),
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/test error \d+\.\d\d% \(\d+ wrong\)/);
  });
});
