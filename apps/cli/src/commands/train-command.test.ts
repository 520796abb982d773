import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { lenetBinary, runLenet, testMnistFolder } from '../test-support/run-lenet.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'lenet-train-'));
const quickRun = ['--limit', '320', '--epochs', '2', '--batch-size', '32', '--seed', '7'];

interface EpochLine {
  type: string;
  epoch?: number;
  testError?: number;
  trainError?: number;
  trainLoss?: number;
  status?: string;
}

function jsonLines(text: string): EpochLine[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as EpochLine);
}

describe('lenet train', () => {
  it('trained the modern LeNet-5 on 6,000 real MNIST digits to under 12% test error, writing model, log and figures', () => {
    const out = inject('trainedModel');
    const records = jsonLines(readFileSync(join(out, 'log.jsonl'), 'utf8'));
    expect(records.map((record) => record.type)).toEqual(['start', 'epoch', 'epoch']);
    expect(records.at(-1)?.testError).toBeLessThan(0.12);
    for (const file of [
      'model/model.json',
      'model/weights.bin',
      'checkpoint/state.json',
      'figures/learning-curves.png',
      'figures/confusion-matrix.png',
      'figures/misclassified.png',
    ]) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
  });

  it('prints one JSON line per epoch and a closing summary with --json', () => {
    const run = runLenet([
      'train',
      ...quickRun,
      '--out',
      join(scratch(), 'run'),
      '--folder',
      testMnistFolder(),
      '--json',
    ]);
    expect(run.status).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((line) => line.type)).toEqual(['epoch', 'epoch', 'end']);
    expect(lines.at(-1)?.status).toBe('completed');
  });

  it('resumes a stopped run to exactly the weights of an uninterrupted one', () => {
    const folder = testMnistFolder();
    const whole = join(scratch(), 'whole');
    const pieces = join(scratch(), 'pieces');
    expect(runLenet(['train', ...quickRun, '--out', whole, '--folder', folder]).status).toBe(0);
    const first = runLenet([
      'train',
      ...quickRun,
      '--out',
      pieces,
      '--folder',
      folder,
      '--stop-after',
      '13',
    ]);
    expect(first.status).toBe(130);
    expect(first.stdout).toContain('--resume');
    const second = runLenet(['train', '--out', pieces, '--folder', folder, '--resume']);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('resuming at epoch 2, batch 3');
    const weights = (run: string) => readFileSync(join(run, 'model', 'weights.bin'));
    expect(weights(pieces).equals(weights(whole))).toBe(true);
    // The resumed epoch's record counts the batches trained before the stop too.
    const epochs = (run: string) =>
      jsonLines(readFileSync(join(run, 'log.jsonl'), 'utf8'))
        .filter((line) => line.type === 'epoch')
        .map((line) => [line.trainLoss, line.trainError, line.testError]);
    expect(epochs(pieces)).toEqual(epochs(whole));
  });

  it('saves a checkpoint and exits with 130 on Ctrl-C, and the run then resumes', async () => {
    const out = join(scratch(), 'run');
    const folder = testMnistFolder();
    const child = spawn(
      process.execPath,
      [lenetBinary, 'train', '--limit', '3200', '--epochs', '1', '--out', out, '--folder', folder],
      {
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('img/s') && !child.killed) child.kill('SIGINT');
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(130);
    expect(existsSync(join(out, 'checkpoint', 'state.json'))).toBe(true);
    const resumed = runLenet(['train', '--out', out, '--folder', folder, '--resume', '--json']);
    expect(resumed.status).toBe(0);
    expect(jsonLines(resumed.stdout).at(-1)?.status).toBe('completed');
  });

  it('refuses to start over an earlier run, leaving its files untouched', () => {
    const out = join(scratch(), 'run');
    expect(
      runLenet(['train', ...quickRun, '--epochs', '1', '--out', out, '--folder', testMnistFolder()])
        .status,
    ).toBe(0);
    const before = readFileSync(join(out, 'model', 'weights.bin'));
    const again = runLenet(['train', ...quickRun, '--out', out, '--folder', testMnistFolder()]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already holds a training run');
    expect(readFileSync(join(out, 'model', 'weights.bin')).equals(before)).toBe(true);
  });

  it('rejects --resume with a setting that differs from the run', () => {
    const out = join(scratch(), 'run');
    expect(
      runLenet([
        'train',
        ...quickRun,
        '--out',
        out,
        '--folder',
        testMnistFolder(),
        '--stop-after',
        '2',
      ]).status,
    ).toBe(130);
    const run = runLenet([
      'train',
      '--out',
      out,
      '--folder',
      testMnistFolder(),
      '--resume',
      '--seed',
      '8',
    ]);
    expect(run.status).toBe(4);
    expect(run.stderr).toContain('--seed 8 differs from the run');
  });

  it('records its threads and kernels in the run and keeps them on resume', () => {
    const out = join(scratch(), 'run');
    const first = runLenet([
      'train',
      ...quickRun,
      '--out',
      out,
      '--folder',
      testMnistFolder(),
      '--threads',
      '2',
      '--stop-after',
      '2',
    ]);
    expect(first.status).toBe(130);
    expect(first.stdout).toContain('gradients: the LeNet engine (WebAssembly SIMD), 2 threads');
    const state = JSON.parse(readFileSync(join(out, 'checkpoint', 'state.json'), 'utf8')) as {
      settings: { threads: number; kernels: string };
    };
    expect(state.settings).toMatchObject({ threads: 2, kernels: 'lenet' });
    const refused = runLenet([
      'train',
      '--out',
      out,
      '--folder',
      testMnistFolder(),
      '--resume',
      '--threads',
      '1',
    ]);
    expect(refused.status).toBe(4);
    expect(refused.stderr).toContain("--threads 1 differs from the run's 2");
    const tfjs = runLenet([
      'train',
      ...quickRun,
      '--epochs',
      '1',
      '--out',
      join(scratch(), 'tfjs'),
      '--folder',
      testMnistFolder(),
      '--kernels',
      'tfjs',
      '--threads',
      '1',
      '--stop-after',
      '1',
    ]);
    expect(tfjs.stdout).toMatch(/gradients: tfjs on (wasm|cpu|tensorflow), 1 thread;/);
  });

  it("prints and logs SDLM's per-layer curvature and step sizes before each pass, and keeps --initialisation on resume", () => {
    const out = join(scratch(), 'run');
    const args = [
      'train',
      '--optimizer',
      'sdlm',
      '--batch-size',
      '1',
      '--limit',
      '40',
      '--epochs',
      '2',
      '--initialisation',
      'eblearn',
      '--threads',
      '1',
      '--out',
      out,
      '--folder',
      testMnistFolder(),
    ];
    const first = runLenet([...args, '--stop-after', '60']);
    expect(first.status).toBe(130);
    expect(first.stderr).not.toContain("paper's literal initialisation");
    const literal = runLenet([
      'train',
      '--optimizer',
      'sdlm',
      '--batch-size',
      '1',
      '--limit',
      '8',
      '--epochs',
      '1',
      '--threads',
      '1',
      '--out',
      join(scratch(), 'literal'),
      '--folder',
      testMnistFolder(),
      '--stop-after',
      '1',
    ]);
    expect(literal.stderr).toContain("Note: from the paper's literal initialisation");
    expect(first.stdout).toMatch(
      /pass 1: curvature h_kk on 40 patterns and the step sizes eta \/ \(mu \+ h_kk\), eta 0\.0005, mu 0\.02/,
    );
    expect(first.stdout).toMatch(/\nC5\s+48120\s/);
    const refused = runLenet([
      'train',
      '--out',
      out,
      '--folder',
      testMnistFolder(),
      '--resume',
      '--initialisation',
      'paper',
    ]);
    expect(refused.status).toBe(4);
    expect(refused.stderr).toContain("--initialisation paper differs from the run's eblearn");
    expect(
      runLenet(['train', '--out', out, '--folder', testMnistFolder(), '--resume']).status,
    ).toBe(0);
    const records = readFileSync(join(out, 'log.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            type: string;
            pass?: number;
            layers?: { layer: string; rate: { min: number; max: number } }[];
          },
      );
    const curvature = records.filter((record) => record.type === 'curvature');
    expect(curvature.map((record) => record.pass)).toEqual([1, 2]);
    expect(curvature[0]?.layers?.map((layer) => layer.layer)).toEqual([
      'C1',
      'S2',
      'C3',
      'S4',
      'C5',
      'F6',
    ]);
    // EBLearn's initialisation keeps every step below the eta / mu = 0.025 ceiling (measured 1.3e-4 to 0.016 on 500 digits).
    for (const layer of curvature[0]?.layers ?? []) expect(layer.rate.max).toBeLessThan(0.02);
    const state = JSON.parse(readFileSync(join(out, 'checkpoint', 'state.json'), 'utf8')) as {
      settings: { initialisation?: string };
    };
    expect(state.settings.initialisation).toBe('eblearn');
  });

  it('explains a missing or corrupt checkpoint with exit code 4', () => {
    const empty = scratch();
    const missing = runLenet(['train', '--out', empty, '--folder', testMnistFolder(), '--resume']);
    expect(missing.status).toBe(4);
    expect(missing.stderr).toContain('No checkpoint found');
    const out = join(scratch(), 'run');
    expect(
      runLenet([
        'train',
        ...quickRun,
        '--out',
        out,
        '--folder',
        testMnistFolder(),
        '--stop-after',
        '2',
      ]).status,
    ).toBe(130);
    writeFileSync(join(out, 'checkpoint', 'state.json'), '{ not json');
    const corrupt = runLenet(['train', '--out', out, '--folder', testMnistFolder(), '--resume']);
    expect(corrupt.status).toBe(4);
    expect(corrupt.stderr).toContain('is not valid JSON');
    expect(corrupt.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown model and bad numbers with exit code 2', () => {
    const unknown = runLenet(['train', '--model', 'lenet6']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(
      '--model must be one of lenet5, lenet5-softmax, lenet5-modern, lenet1, lenet1-place-code, lenet4; got "lenet6"',
    );
    const epochs = runLenet(['train', '--epochs', '0']);
    expect(epochs.status).toBe(2);
    expect(epochs.stderr).toContain('--epochs must be a whole number of at least 1; got "0"');
  });

  it('says so with exit code 5 when the output folder cannot be created', () => {
    const file = join(scratch(), 'a-file');
    writeFileSync(file, 'not a folder');
    const run = runLenet([
      'train',
      ...quickRun,
      '--out',
      join(file, 'run'),
      '--folder',
      testMnistFolder(),
    ]);
    expect(run.status).toBe(5);
    expect(run.stderr).toMatch(/^error: .*ENOTDIR/);
  });
});
