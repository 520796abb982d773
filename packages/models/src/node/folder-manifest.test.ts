import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelOptionError } from '../model-option-error.js';
import { writeFolderManifest } from './folder-manifest.js';
import { ModelFileError } from './model-file-error.js';
import { verifyFolderManifest } from './verify-folder-manifest.js';

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A folder holding a checkpoint's two extra files (no model). */
async function checkpointLike(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'lenet-manifest-'));
  folders.push(folder);
  await writeFile(join(folder, 'optimizer.bin'), new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
  await writeFile(join(folder, 'state.json'), '{"nextEpoch":2}\n');
  return folder;
}

const sha256Of = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('hex');

describe('writeFolderManifest and verifyFolderManifest', () => {
  it('list the files named, with no weights entry without model.json, and give back the bytes they verified', async () => {
    const folder = await checkpointLike();
    const manifest = await writeFolderManifest(folder, ['optimizer.bin', 'state.json']);
    expect(manifest).toEqual({
      format: 'lenet-manifest',
      version: 1,
      files: {
        'optimizer.bin': { bytes: 8, sha256: sha256Of(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])) },
        'state.json': { bytes: 16, sha256: sha256Of('{"nextEpoch":2}\n') },
      },
    });
    expect(JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'))).toEqual(manifest);
    const verified = await verifyFolderManifest(folder);
    expect(verified?.manifest).toEqual(manifest);
    expect(new TextDecoder().decode(verified?.contents.get('state.json'))).toBe(
      '{"nextEpoch":2}\n',
    );
  });

  it('say there is nothing to verify in a folder without manifest.json', async () => {
    expect(await verifyFolderManifest(await checkpointLike())).toBeUndefined();
  });

  it('refuse a changed file of the same size, naming it', async () => {
    const folder = await checkpointLike();
    await writeFolderManifest(folder, ['optimizer.bin', 'state.json']);
    await writeFile(join(folder, 'state.json'), '{"nextEpoch":3}\n');
    const error: unknown = await verifyFolderManifest(folder).catch((reason: unknown) => reason);
    expect(ModelFileError.isInstance(error) && error.path).toBe(join(folder, 'state.json'));
    expect(String(error)).toMatch(
      /state\.json was changed or damaged since lenet saved it .*16 bytes of sha256 [0-9a-f]{64}, manifest\.json recorded 16 bytes/,
    );
  });

  it('refuse a manifest whose entry points outside the folder, and never list one', async () => {
    const folder = await checkpointLike();
    await writeFile(
      join(folder, 'manifest.json'),
      JSON.stringify({
        format: 'lenet-manifest',
        version: 1,
        files: { '../state.json': { bytes: 16, sha256: sha256Of('{"nextEpoch":2}\n') } },
      }),
    );
    await expect(verifyFolderManifest(folder)).rejects.toThrow(
      /not a manifest lenet wrote: its entry "\.\.\/state\.json" is not a file of the folder/,
    );
    await expect(writeFolderManifest(folder, ['../state.json'])).rejects.toBeInstanceOf(
      ModelOptionError,
    );
    await expect(writeFolderManifest(folder, ['manifest.json'])).rejects.toThrow(/fileNames/);
  });

  it('refuse a manifest of another version, and a file to list that does not exist', async () => {
    const folder = await checkpointLike();
    const manifest = await writeFolderManifest(folder, ['state.json']);
    await writeFile(join(folder, 'manifest.json'), JSON.stringify({ ...manifest, version: 2 }));
    await expect(verifyFolderManifest(folder)).rejects.toThrow(
      /its version is 2, this lenet reads version 1/,
    );
    await expect(writeFolderManifest(folder, ['weights.bin'])).rejects.toSatisfy(
      (error) => ModelFileError.isInstance(error) && /write the file before/.test(error.message),
    );
  });
});
