// Nothing silently wrong: damaged models and checkpoints are refused naming the file, NaN is
// caught before it trains on, and a model saved by plain tfjs still loads, with a notice.
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFolderManifest } from '@lenet/models';
import { runLenet, testMnistFolder } from '../test-support/run-lenet.js';

const mnist = testMnistFolder();
const scratch = mkdtempSync(join(tmpdir(), 'lenet-integrity-'));
const run = join(scratch, 'run');
const stopped = join(scratch, 'stopped');
const picture = join(scratch, 'seven.png');

/** A copy of the trained run to damage. */
function copyOfRun(name: string): string {
  const copy = join(scratch, name);
  cpSync(run, copy, { recursive: true });
  return copy;
}

beforeAll(() => {
  const trained = runLenet([
    ...'train --model lenet1 --limit 640 --epochs 1 --folder'.split(' '),
    mnist,
    '--out',
    run,
  ]);
  if (trained.status !== 0) throw new Error(`training failed:\n${trained.stderr}`);
  const interrupted = runLenet([
    ...'train --model lenet1 --limit 640 --epochs 2 --stop-after 4 --folder'.split(' '),
    mnist,
    '--out',
    stopped,
  ]);
  if (interrupted.status !== 130) throw new Error(`stopping failed:\n${interrupted.stderr}`);
  const png = new PNG({ width: 28, height: 28 });
  png.data.fill(255);
  for (let y = 6; y < 22; y += 1) png.data.fill(0, (y * 28 + 14) * 4, (y * 28 + 14) * 4 + 3);
  writeFileSync(picture, PNG.sync.write(png));
});

describe('a saved model', () => {
  it('with weights.bin overwritten by random bytes of the same length is refused, naming the file', () => {
    const copy = copyOfRun('random-weights');
    const weights = join(copy, 'model', 'weights.bin');
    writeFileSync(weights, randomBytes(readFileSync(weights).length));
    const predicted = runLenet(['predict', '--model', copy, picture]);
    expect(predicted.status).toBe(4);
    expect(predicted.stderr).toContain('weights.bin');
    expect(predicted.stdout).toBe('');
  });

  it('with a NaN weight (and a manifest that matches it) is refused, naming the layer', async () => {
    const copy = copyOfRun('nan-weights');
    const folder = join(copy, 'model');
    const weights = readFileSync(join(folder, 'weights.bin'));
    weights.writeFloatLE(Number.NaN, 0);
    writeFileSync(join(folder, 'weights.bin'), weights);
    await writeFolderManifest(folder, ['model.json', 'weights.bin', 'training.json']);
    const predicted = runLenet(['predict', '--model', copy, picture]);
    expect(predicted.status).toBe(4);
    expect(predicted.stderr).toMatch(/NaN/);
    expect(predicted.stderr).toMatch(/H1|C1|kernel/);
  });

  it('saved by plain tfjs (no manifest) still loads, with a notice', () => {
    const copy = copyOfRun('no-manifest');
    rmSync(join(copy, 'model', 'manifest.json'));
    const predicted = runLenet(['predict', '--model', copy, picture]);
    expect(predicted.status).toBe(0);
    expect(predicted.stderr).toMatch(/^Notice: .*manifest/m);
    expect(predicted.stdout).toMatch(/seven\.png: \d/);
  });
});

describe('a checkpoint', () => {
  it('with a random optimizer.bin is refused on --resume, naming the file, and left as it was', () => {
    const copy = join(scratch, 'random-optimizer');
    cpSync(stopped, copy, { recursive: true });
    const optimizer = join(copy, 'checkpoint', 'optimizer.bin');
    writeFileSync(optimizer, randomBytes(readFileSync(optimizer).length));
    const state = readFileSync(join(copy, 'checkpoint', 'state.json'), 'utf8');
    const resumed = runLenet(['train', '--out', copy, '--resume']);
    expect(resumed.status).toBe(4);
    expect(resumed.stderr).toContain('optimizer.bin');
    expect(readFileSync(join(copy, 'checkpoint', 'state.json'), 'utf8')).toBe(state);
  });

  it("poisoned with NaN (its manifest rewritten to match) stops at the first step, naming the optimiser's state", async () => {
    const copy = join(scratch, 'poisoned');
    cpSync(stopped, copy, { recursive: true });
    const folder = join(copy, 'checkpoint');
    const optimizer = readFileSync(join(folder, 'optimizer.bin'));
    for (let offset = 0; offset < optimizer.length; offset += 4)
      optimizer.writeFloatLE(Number.NaN, offset);
    writeFileSync(join(folder, 'optimizer.bin'), optimizer);
    await writeFolderManifest(folder, ['model.json', 'weights.bin', 'optimizer.bin', 'state.json']);
    const weights = readFileSync(join(folder, 'weights.bin'));
    const resumed = runLenet(['train', '--out', copy, '--resume']);
    expect(resumed.status).toBe(4);
    expect(resumed.stderr).toContain("the optimiser's state of");
    expect(resumed.stderr).toContain('last checkpoint');
    expect(readFileSync(join(folder, 'weights.bin'))).toEqual(weights);
  });
});

describe('training', () => {
  it('that diverges stops at the first NaN loss with exit code 4, saying where and what to do', () => {
    const out = join(scratch, 'diverged');
    const trained = runLenet([
      ...'train --model lenet5-modern --optimizer sgd --learning-rate 1000000 --limit 640 --epochs 1 --folder'.split(
        ' ',
      ),
      mnist,
      '--out',
      out,
    ]);
    expect(trained.status).toBe(4);
    expect(trained.stderr).toMatch(
      /The run stopped at epoch 1, batch \d+: the loss is (NaN|Infinity)/,
    );
    expect(trained.stderr).toContain('lower --learning-rate');
    expect(existsSync(out)).toBe(false);
  });
});
