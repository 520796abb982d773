import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A folder on a file system mounted for one test: a tiny tmpfs (a disk that fills) or a read-only bind mount. */
export interface MountedFolder {
  readonly path: string;
  /** Unmounts the folder. */
  unmount(): void;
}

function mount(args: readonly string[], path: string): MountedFolder {
  const result = spawnSync('mount', [...args, path], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `Could not mount a test file system (mount ${args.join(' ')}: ${result.stderr.trim() || String(result.error)}). ` +
        'These tests need root (CI runs as root); set LENET_TEST_NO_MOUNT=1 to leave them out on purpose.',
    );
  }
  return {
    path,
    unmount: () => {
      spawnSync('umount', [path]);
    },
  };
}

/** Whether the mount tests were left out on purpose (`LENET_TEST_NO_MOUNT=1`). */
export const mountTestsLeftOut = process.env.LENET_TEST_NO_MOUNT === '1';

/** A tmpfs of `kilobytes` KiB: writing more fails with ENOSPC. */
export function smallDisk(kilobytes: number): MountedFolder {
  const path = mkdtempSync(join(tmpdir(), 'lenet-full-disk-'));
  return mount(['-t', 'tmpfs', '-o', `size=${String(kilobytes)}k`, 'tmpfs'], path);
}

/** An empty folder mounted read-only: writing fails with EROFS. */
export function readOnlyFolder(): MountedFolder {
  const source = mkdtempSync(join(tmpdir(), 'lenet-read-only-source-'));
  const path = join(source, 'mounted');
  mkdirSync(path);
  return mount(['--bind', '-o', 'ro', source], path);
}
