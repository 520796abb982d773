import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  mountTestsLeftOut,
  readOnlyFolder,
  smallDisk,
  type MountedFolder,
} from '../test-support/mounted-folder.js';
import { runLenet, testMnistFolder } from '../test-support/run-lenet.js';

const quickRun = ['--limit', '64', '--epochs', '1', '--batch-size', '32', '--seed', '7'];

function withFolder(folder: MountedFolder, test: (path: string) => void): void {
  try {
    test(folder.path);
  } finally {
    folder.unmount();
  }
}

describe.skipIf(mountTestsLeftOut)('lenet train when the output cannot be written', () => {
  it('exits with the I/O code and says the disk is full when it fills during the run', () => {
    withFolder(smallDisk(200), (path) => {
      const run = runLenet([
        'train',
        ...quickRun,
        '--out',
        join(path, 'run'),
        '--folder',
        testMnistFolder(),
      ]);
      expect(run.stderr).toMatch(
        /The disk is full: free some space or choose another output folder/,
      );
      expect(run.stderr).not.toMatch(/this is a bug/);
      expect(run.status).toBe(5);
    });
  });

  it('exits with the I/O code and says the file system is read-only', () => {
    withFolder(readOnlyFolder(), (path) => {
      const run = runLenet([
        'train',
        ...quickRun,
        '--out',
        join(path, 'run'),
        '--folder',
        testMnistFolder(),
      ]);
      expect(run.stderr).toMatch(/read-only/);
      expect(run.stderr).not.toMatch(/this is a bug/);
      expect(run.status).toBe(5);
    });
  });
});
