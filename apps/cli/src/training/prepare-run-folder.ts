import { access, constants, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors/usage-error.js';

/** The files of a training run's output folder. */
export interface RunFolder {
  readonly root: string;
  readonly checkpoint: string;
  readonly model: string;
  readonly log: string;
  readonly figures: string;
  readonly summary: string;
}

/** The layout of a run folder. */
export function runFolder(root: string): RunFolder {
  return {
    root,
    checkpoint: join(root, 'checkpoint'),
    model: join(root, 'model'),
    log: join(root, 'log.jsonl'),
    figures: join(root, 'figures'),
    summary: join(root, 'summary.json'),
  };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Makes sure a run can write to `root`: creates it, checks it is writable, and refuses to
 * start a new run over an earlier one (whose files would be lost) unless it is resumed.
 *
 * @throws UsageError when `root` holds a run and `resume` is false.
 */
export async function prepareRunFolder(root: string, resume: boolean): Promise<RunFolder> {
  const folder = runFolder(root);
  if (!resume && ((await exists(folder.checkpoint)) || (await exists(folder.log)))) {
    throw new UsageError(
      `The folder ${root} already holds a training run. Continue it with --resume, or choose another folder with --out so that the earlier run is kept.`,
    );
  }
  await mkdir(folder.figures, { recursive: true });
  await access(root, constants.W_OK);
  return folder;
}
