import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runLenet, testMnistFolder } from '../test-support/run-lenet.js';

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('lenet viz', () => {
  it.each([
    'architecture',
    'rbf-codes',
    'kernels',
    'activations',
    'digits',
    'learning-curves',
    'confusion-matrix',
    'misclassified',
    'comparison',
  ])('draws %s for a trained run as a PNG of the size it reports', (figure) => {
    const out = join(mkdtempSync(join(tmpdir(), 'lenet-viz-')), `${figure}.png`);
    const run = runLenet([
      'viz',
      figure,
      '--model',
      inject('trainedModel'),
      '--folder',
      testMnistFolder(),
      '--out',
      out,
      '--scale',
      '1',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [, width, height] = /\((\d+)x(\d+)\)/.exec(run.stdout) ?? [];
    expect(pngSize(out)).toEqual([Number(width), Number(height)]);
  });

  it('writes SVG when the output ends in .svg', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lenet-viz-')), 'lenet1.svg');
    expect(runLenet(['viz', 'architecture', '--model', 'lenet1', '--out', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('rejects an unknown figure with exit code 2', () => {
    const run = runLenet(['viz', 'fig-99']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('<figure> must be one of architecture');
  });
});
