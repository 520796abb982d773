import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** What a run of the built `lenet` binary printed and returned. */
export interface LenetRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The built `lenet` entry point. */
export const lenetBinary = join(import.meta.dirname, '..', '..', 'dist', 'bin.js');

/** Runs the built `lenet` binary (run `pnpm build` first) with plain, colourless output. */
export function runLenet(args: readonly string[], env: NodeJS.ProcessEnv = {}): LenetRun {
  const result = spawnSync(process.execPath, [lenetBinary, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The MNIST folder the tests read, from `LENET_TEST_MNIST_DIR`; throws when it is not set. */
export function testMnistFolder(): string {
  const folder = process.env.LENET_TEST_MNIST_DIR;
  if (folder === undefined || folder === '') {
    throw new Error(
      'LENET_TEST_MNIST_DIR is not set: point it at a folder with the four MNIST .gz files.',
    );
  }
  return folder;
}
