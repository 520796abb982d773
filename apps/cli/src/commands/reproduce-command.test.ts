import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lenetBinary, runLenet, testMnistFolder } from '../test-support/run-lenet.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'lenet-reproduce-'));
const weights = (run: string) => readFileSync(join(run, 'model', 'weights.bin'));

interface Result {
  testError: number;
  command: string;
  settings: { epochs: number; trainLimit?: number };
}

const readResult = (run: string) =>
  JSON.parse(readFileSync(join(run, 'result.json'), 'utf8')) as Result;

/** The relative links of a markdown file, checked to exist beside it. */
function missingLinks(file: string): string[] {
  const links = [...readFileSync(file, 'utf8').matchAll(/\]\((results\/[^)]+)\)/g)].map(
    (match) => match[1] ?? '',
  );
  expect(links.length).toBeGreaterThan(0);
  return links.filter((link) => !existsSync(join(dirname(file), link)));
}

describe('lenet reproduce', () => {
  it("lists the paper's experiments with the paper's figures", () => {
    const run = runLenet(['reproduce', '--list']);
    expect(run.status).toBe(0);
    for (const text of [
      'lenet1 ',
      'lenet5 ',
      'lenet5-distortions',
      'lenet5-modern',
      'lenet5-mini-batch',
      'paper 1.70%',
      'paper 0.95%',
      'paper 0.80%',
      'no paper figure',
    ])
      expect(run.stdout).toContain(text);
  });

  it('runs an experiment with two seeds on a subset, writes each run and a report with mean and spread, figures and logs', () => {
    const out = join(scratch(), 'runs');
    const report = join(scratch(), 'docs', 'RESULTS.md');
    const run = runLenet([
      'reproduce',
      'lenet5',
      '--seeds',
      '1,2',
      '--limit',
      '64',
      '--passes',
      '1',
      '--out',
      out,
      '--results',
      report,
      '--folder',
      testMnistFolder(),
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [first, second] = [1, 2].map((seed) =>
      readResult(join(out, `lenet5-seed${String(seed)}`)),
    );
    expect(first?.command).toBe('lenet reproduce lenet5 --seeds 1 --limit 64 --passes 1');
    expect(first?.settings).toMatchObject({ epochs: 1, trainLimit: 64 });
    expect(first?.testError).not.toBe(second?.testError);
    const errors = [first?.testError ?? 0, second?.testError ?? 0];
    const mean = (errors[0]! + errors[1]!) / 2;
    const spread = Math.abs(errors[0]! - errors[1]!) / Math.SQRT2;
    const text = readFileSync(report, 'utf8');
    expect(text).toContain(
      `| lenet5 | 0.95% | ${(mean * 100).toFixed(2)}% ± ${(spread * 100).toFixed(2)} (`,
    );
    expect(text).toContain("| 1, 2 | 1 (not the recipe's 20) | 64 (subset) |");
    expect(text).toContain('`lenet reproduce lenet5 --seeds 1,2 --limit 64 --passes 1`');
    expect(text).toMatch(/## Machine\n\n- .+, \d+ cores, .+Node v\d+/);
    expect(missingLinks(report)).toEqual([]);
    expect(existsSync(join(dirname(report), 'results', 'lenet5-seed2', 'misclassified.png'))).toBe(
      true,
    );

    const log = readFileSync(join(out, 'lenet5-seed1', 'log.jsonl'), 'utf8');
    const again = runLenet([
      'reproduce',
      'lenet5',
      '--seeds',
      '1',
      '--limit',
      '64',
      '--passes',
      '1',
      '--out',
      out,
      '--results',
      report,
      '--folder',
      testMnistFolder(),
    ]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('lenet5, seed 1: already complete');
    expect(readFileSync(join(out, 'lenet5-seed1', 'log.jsonl'), 'utf8')).toBe(log);

    const other = runLenet([
      'reproduce',
      'lenet5',
      '--seeds',
      '1',
      '--limit',
      '32',
      '--passes',
      '1',
      '--out',
      out,
      '--results',
      report,
      '--folder',
      testMnistFolder(),
    ]);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('trainLimit 64 (now 32)');

    rmSync(report);
    const regenerated = runLenet(['reproduce', '--report-only', '--out', out, '--results', report]);
    expect(regenerated.status).toBe(0);
    expect(readFileSync(report, 'utf8').replace(/on \S+ \S+ UTC/, '')).toBe(
      text.replace(/on \S+ \S+ UTC/, ''),
    );
  });

  it('continues a run stopped by --stop-after or Ctrl-C when the command is run again, to the weights of an uninterrupted run', async () => {
    const folder = testMnistFolder();
    const recipe = ['lenet1', '--limit', '320', '--passes', '2', '--folder', folder];
    const whole = join(scratch(), 'whole');
    expect(
      runLenet(['reproduce', ...recipe, '--out', whole, '--results', join(whole, 'RESULTS.md')])
        .status,
    ).toBe(0);

    const pieces = join(scratch(), 'pieces');
    // lenet1 trains per pattern: 320 batches a pass.
    const stopped = runLenet([
      'reproduce',
      ...recipe,
      '--out',
      pieces,
      '--results',
      join(pieces, 'RESULTS.md'),
      '--stop-after',
      '333',
    ]);
    expect(stopped.status).toBe(130);
    expect(stopped.stdout).toContain('run the same command again');
    const inProgress = readFileSync(join(pieces, 'RESULTS.md'), 'utf8');
    expect(inProgress).toContain('- lenet1, seed 1: 1 of 2 passes done, test error');
    expect(inProgress).toContain('No run has completed yet.');
    const continued = runLenet([
      'reproduce',
      ...recipe,
      '--out',
      pieces,
      '--results',
      join(pieces, 'RESULTS.md'),
    ]);
    expect(continued.status).toBe(0);
    expect(continued.stdout).toContain('resuming at epoch 2, batch 13');
    expect(weights(join(pieces, 'lenet1-seed1')).equals(weights(join(whole, 'lenet1-seed1')))).toBe(
      true,
    );

    const interrupted = join(scratch(), 'interrupted');
    const child = spawn(
      process.execPath,
      [
        lenetBinary,
        'reproduce',
        ...recipe,
        '--out',
        interrupted,
        '--results',
        join(interrupted, 'RESULTS.md'),
      ],
      { env: { ...process.env, NO_COLOR: '1' } },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('img/s') && !child.killed) child.kill('SIGINT');
    });
    expect(await new Promise<number | null>((resolve) => child.on('close', resolve))).toBe(130);
    expect(existsSync(join(interrupted, 'lenet1-seed1', 'checkpoint', 'state.json'))).toBe(true);
    expect(
      runLenet([
        'reproduce',
        ...recipe,
        '--out',
        interrupted,
        '--results',
        join(interrupted, 'RESULTS.md'),
      ]).status,
    ).toBe(0);
    expect(
      weights(join(interrupted, 'lenet1-seed1')).equals(weights(join(whole, 'lenet1-seed1'))),
    ).toBe(true);
  });

  it('rejects an unknown experiment, no experiment, repeated seeds and --report-only with names, with exit code 2', () => {
    const unknown = runLenet(['reproduce', 'lenet6']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(
      'Unknown experiment "lenet6". The experiments are: lenet1, lenet1-squared-error, lenet1-adam, lenet5, lenet5-paper-eta, lenet5-distortions',
    );
    const none = runLenet(['reproduce']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Name the experiments to run');
    const repeated = runLenet(['reproduce', 'lenet1', '--seeds', '1,1']);
    expect(repeated.status).toBe(2);
    expect(repeated.stderr).toContain('--seeds must not repeat a seed');
    const reportWithNames = runLenet(['reproduce', 'lenet1', '--report-only']);
    expect(reportWithNames.status).toBe(2);
    expect(reportWithNames.stderr).toContain('drop the experiment names');
    for (const run of [unknown, none, repeated, reportWithNames])
      expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
