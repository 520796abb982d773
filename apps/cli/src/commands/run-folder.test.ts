// Run folders are transactional: a start that fails before its first checkpoint leaves
// nothing, --resume of a missing run creates nothing, and a hand-edited checkpoint is refused.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFolderManifest } from '@lenet/models';
import { describe, expect, it } from 'vitest';
import { runLenet, testMnistFolder } from '../test-support/run-lenet.js';

const mnist = testMnistFolder();
const scratch = mkdtempSync(join(tmpdir(), 'lenet-run-folder-'));

describe('a run folder', () => {
  it('is left out entirely by a start that fails before its first checkpoint, and can be started again', () => {
    const out = join(scratch, 'failed-start');
    const failed = runLenet([
      ...'train --limit 200 --optimizer sdlm --model lenet5-modern --folder'.split(' '),
      mnist,
      '--out',
      out,
    ]);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain('SDLM');
    expect(existsSync(out)).toBe(false);
    const started = runLenet([
      ...'train --limit 64 --epochs 1 --model lenet1 --folder'.split(' '),
      mnist,
      '--out',
      out,
    ]);
    expect(started.status).toBe(0);
    expect(existsSync(join(out, 'checkpoint', 'state.json'))).toBe(true);
  });

  it('takes over what an old failed start left (a log, figures, no checkpoint) instead of refusing it', () => {
    // A folder as lenet left a failed start before run folders were transactional.
    const leftover = join(scratch, 'leftover');
    mkdirSync(join(leftover, 'figures'), { recursive: true });
    writeFileSync(join(leftover, 'log.jsonl'), '{"type":"start","note":"left over"}\n');
    const run = runLenet([
      ...'train --limit 64 --epochs 1 --model lenet1 --folder'.split(' '),
      mnist,
      '--out',
      leftover,
    ]);
    expect(run.status).toBe(0);
    expect(readFileSync(join(leftover, 'log.jsonl'), 'utf8')).not.toContain('left over');
  });

  it('is not created by --resume of a run that does not exist', () => {
    const out = join(scratch, 'missing');
    const run = runLenet(['train', '--out', out, '--resume']);
    expect(run.status).toBe(4);
    expect(run.stderr).toContain('No checkpoint found');
    expect(existsSync(out)).toBe(false);
    const noOut = runLenet(['train', '--resume']);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--resume continues the run in --out');
  });

  it('refuses a checkpoint whose position was edited, saying what is wrong', async () => {
    const out = join(scratch, 'edited');
    const stopped = runLenet([
      ...'train --limit 640 --epochs 2 --model lenet1 --stop-after 3 --folder'.split(' '),
      mnist,
      '--out',
      out,
    ]);
    expect(stopped.status).toBe(130);
    const statePath = join(out, 'checkpoint', 'state.json');
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as Record<string, unknown>;
    writeFileSync(statePath, JSON.stringify({ ...state, nextEpoch: 7 }));
    const epoch = runLenet(['train', '--out', out, '--resume']);
    expect(epoch.status).toBe(4);
    expect(epoch.stderr).toContain('nextEpoch 7 is not an epoch of 0..2');
    writeFileSync(statePath, JSON.stringify({ ...state, nextBatch: 999 }));
    const edited = runLenet(['train', '--out', out, '--resume']);
    expect(edited.status).toBe(4);
    expect(edited.stderr).toContain('state.json was changed or damaged since lenet saved it');
    // Edited with its manifest rewritten to match, the position itself is refused.
    await writeFolderManifest(join(out, 'checkpoint'), [
      'model.json',
      'weights.bin',
      'optimizer.bin',
      'state.json',
    ]);
    const batch = runLenet(['train', '--out', out, '--resume']);
    expect(batch.status).toBe(4);
    expect(batch.stderr).toContain('continues at batch 999 of an epoch of 20 batches');
  });

  it('exits 2 with what to install when the --backend asked for cannot start, creating nothing', () => {
    const out = join(scratch, 'backend');
    const run = runLenet([
      ...'train --backend tensorflow --limit 64 --epochs 1 --folder'.split(' '),
      mnist,
      '--out',
      out,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('npm i @tensorflow/tfjs-node');
    expect(run.stderr).not.toContain('setupBackend(');
    expect(existsSync(out)).toBe(false);
  });

  it('warns when --threads asks for more threads than there are cores', () => {
    const threads = String(availableParallelism() + 1);
    const run = runLenet([
      ...'train --limit 64 --epochs 1 --model lenet1 --folder'.split(' '),
      mnist,
      '--threads',
      threads,
      '--out',
      join(scratch, 'threads'),
    ]);
    expect(run.stderr).toContain(
      `Warning: --threads ${threads} is more than the ${String(availableParallelism())} cores here`,
    );
    expect(run.status).toBe(0);
  });
});
