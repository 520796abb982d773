import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExperiment, type Experiment } from './experiments.js';
import { readRunRecord, writeRunResult } from './run-record.js';
import { writeResults } from './write-results.js';

const lenet5 = findExperiment('lenet5') as Experiment;
const settings = { ...lenet5.recipe, seed: 2, trainImagesSha256: 'abc' };
const machine = {
  cpuModel: 'Test CPU',
  cores: 2,
  memoryGigabytes: 8,
  nodeVersion: 'v20.20.0',
  platform: 'linux-x64',
  backend: 'wasm',
};
const epoch = (number: number, testError: number) => ({
  type: 'epoch',
  epoch: number,
  trainLoss: 1,
  trainError: 0.02,
  testError,
  learningRate: 0.000125,
  seconds: 60,
  imagesPerSecond: 1000,
});

/** A completed run as committed under docs/results: result.json, log.jsonl and figures, no checkpoint. */
async function committedRun(): Promise<string> {
  const root = join(mkdtempSync(join(tmpdir(), 'lenet-record-')), 'runs', 'lenet5-seed2');
  mkdirSync(root, { recursive: true });
  const lines = [
    { type: 'start', settings },
    { type: 'curvature', pass: 1, layers: [] },
    epoch(1, 0.03),
    { type: 'resume', epoch: 1, batch: 0 },
    epoch(2, 0.02),
    epoch(2, 0.012),
  ];
  writeFileSync(
    join(root, 'log.jsonl'),
    `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`,
  );
  mkdirSync(join(root, 'figures'));
  for (const figure of ['learning-curves.png', 'misclassified.png'])
    writeFileSync(join(root, 'figures', figure), `not really a ${figure}`);
  await writeRunResult(root, {
    experiment: 'lenet5',
    seed: 2,
    command: 'lenet reproduce lenet5 --seeds 2',
    settings,
    testError: 0.012,
    errors: 120,
    testCount: 10_000,
    trainingSeconds: 120,
    machine,
    finishedAt: '2026-12-02T10:00:00.000Z',
  });
  return root;
}

describe('run records', () => {
  it('reads a completed run without its checkpoint from its result and log, the last record of each pass', async () => {
    const record = await readRunRecord(await committedRun());
    expect(record?.settings).toEqual(settings);
    expect(record?.result?.testError).toBe(0.012);
    expect(record?.history.map((entry) => [entry.epoch, entry.testError])).toEqual([
      [1, 0.03],
      [2, 0.012],
    ]);
  });

  it('finds nothing in a folder with neither checkpoint nor result', async () => {
    expect(await readRunRecord(mkdtempSync(join(tmpdir(), 'lenet-record-')))).toBeUndefined();
  });

  it('copies each run with its result beside the report, so the report can be written again from that copy alone', async () => {
    const root = await committedRun();
    const out = join(root, '..');
    const report = join(out, '..', 'docs', 'RESULTS.md');
    await writeResults(out, report, new Date('2026-12-02T11:00:00Z'));
    const first = readFileSync(report, 'utf8');
    expect(first).toContain('| lenet5 | 0.95% | 1.20% |');
    expect(first).toContain(
      '![lenet5 seed 2: the misclassified test digits](results/lenet5-seed2/misclassified.png)',
    );
    const copies = join(out, '..', 'docs', 'results');
    expect(
      JSON.parse(readFileSync(join(copies, 'lenet5-seed2', 'result.json'), 'utf8')),
    ).toMatchObject({ experiment: 'lenet5', testError: 0.012 });
    await writeResults(copies, report, new Date('2026-12-02T11:00:00Z'));
    expect(readFileSync(report, 'utf8')).toBe(first);
  });
});
