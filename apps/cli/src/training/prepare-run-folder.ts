import { access, constants, mkdir, readdir, rm, rmdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CheckpointError } from '../errors/checkpoint-error.js';
import { UsageError } from '../errors/usage-error.js';

/** The files of a training run's output folder. */
export interface RunFolder {
  readonly root: string;
  readonly checkpoint: string;
  readonly model: string;
  readonly log: string;
  readonly figures: string;
}

/** The layout of a run folder. */
export function runFolder(root: string): RunFolder {
  return {
    root,
    checkpoint: join(root, 'checkpoint'),
    model: join(root, 'model'),
    log: join(root, 'log.jsonl'),
    figures: join(root, 'figures'),
  };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** True when `folder` holds a run: a checkpoint (or the one a save moved aside) exists. */
export async function holdsRun(folder: RunFolder): Promise<boolean> {
  return (await exists(folder.checkpoint)) || (await exists(`${folder.checkpoint}.old`));
}

/** A run folder being written, and how to take back a start that failed before its first checkpoint. */
export interface PreparedRunFolder extends RunFolder {
  /**
   * Removes what this start wrote when the run has no checkpoint yet (its log, figures and an
   * unfinished checkpoint), and the folder itself when this start created it and it is left
   * empty, so that a failed start leaves nothing behind. Does nothing once a checkpoint exists.
   */
  abandonIfUnstarted(): Promise<void>;
}

/**
 * Makes sure a run can write to `root`. A folder counts as a run only once its first
 * checkpoint exists: a new run refuses a folder holding one (whose results would be lost) and
 * starts over what a start that failed before its first checkpoint left there; `resume`
 * requires a checkpoint and creates nothing.
 *
 * @throws UsageError when `root` holds a run and `resume` is false.
 * @throws CheckpointError when `resume` is true and `root` holds no run.
 */
export async function prepareRunFolder(root: string, resume: boolean): Promise<PreparedRunFolder> {
  const folder = runFolder(root);
  const started = await holdsRun(folder);
  if (resume && !started)
    throw new CheckpointError(
      folder.checkpoint,
      `No run to resume in ${root}: it holds no checkpoint. Check the folder, or start the run without --resume.`,
    );
  if (!resume && started)
    throw new UsageError(
      `The folder ${root} already holds a training run. Continue it with --resume, or choose another folder with --out so that the earlier run is kept.`,
    );
  const created = !(await exists(root));
  if (!resume) await removeUnstartedRun(folder);
  await mkdir(root, { recursive: true });
  await access(root, constants.W_OK);
  return {
    ...folder,
    abandonIfUnstarted: async () => {
      if (await holdsRun(folder)) return;
      await removeUnstartedRun(folder);
      if (created) await rmdir(root).catch(() => undefined);
    },
  };
}

/** Removes the files a run writes before its first checkpoint, and unfinished checkpoints. */
async function removeUnstartedRun(folder: RunFolder): Promise<void> {
  const staging = (await readdir(folder.root).catch(() => [] as string[]))
    .filter((name) => name.startsWith(`${basename(folder.checkpoint)}.new-`))
    .map((name) => join(folder.root, name));
  for (const path of [folder.log, folder.figures, ...staging])
    await rm(path, { recursive: true, force: true });
}
