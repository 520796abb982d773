import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-file-atomic.js';

let folder = '';
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'lenet-atomic-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates missing folders and replaces an existing file whole', async () => {
    const target = join(folder, 'nested', 'file.bin');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    await writeFileAtomic(target, new Uint8Array([4, 5]));
    expect(Array.from(await readFile(target))).toEqual([4, 5]);
    expect(await readdir(join(folder, 'nested'))).toEqual(['file.bin']);
  });

  it('leaves no temporary file behind when the final rename fails', async () => {
    const target = join(folder, 'occupied');
    await mkdir(target);
    await writeFile(join(target, 'keep'), 'x');
    await expect(writeFileAtomic(target, new Uint8Array([1]))).rejects.toThrow();
    expect(await readdir(folder)).toEqual(['occupied']);
  });
});
