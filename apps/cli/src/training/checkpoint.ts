import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import {
  loadModel,
  MODEL_FILE,
  saveModel,
  verifyFolderManifest,
  WEIGHTS_FILE,
  writeFolderManifest,
} from '@lenet/models';
import { CheckpointError } from '../errors/checkpoint-error.js';

const stateFile = 'state.json';
const optimizerFile = 'optimizer.bin';
const checkpointFormat = 'lenet-checkpoint';
const checkpointVersion = 1;

/** The position and settings of a run, saved beside its weights. */
export interface CheckpointState<Settings = unknown, Record = unknown, Totals = unknown> {
  /** Where training continues: the epoch and the batch within it. */
  readonly nextEpoch: number;
  readonly nextBatch: number;
  /** Every setting that decides the result; a resumed run must use the same. */
  readonly settings: Settings;
  /** One record per completed epoch. */
  readonly history: readonly Record[];
  /** Training time so far, in seconds. */
  readonly elapsedSeconds: number;
  /** The running totals of an epoch stopped inside it, so that its record counts every batch. */
  readonly partial?: Totals;
}

interface StoredState extends CheckpointState {
  readonly format: string;
  readonly version: number;
  readonly optimizer: readonly { name: string; shape: number[] }[];
}

/**
 * Saves the model, the optimiser's state and the run's position into `folder`, atomically: it
 * writes a sibling folder, moves the old checkpoint aside, moves the new one in, then deletes
 * the old one, so a crash at any point leaves a complete checkpoint (`folder` or `folder.old`).
 */
export async function saveCheckpoint(
  folder: string,
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  state: CheckpointState,
): Promise<void> {
  const staging = `${folder}.new-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await saveModel(model, staging);
  const weights = await optimizer.getWeights();
  const stored: StoredState = {
    format: checkpointFormat,
    version: checkpointVersion,
    ...state,
    optimizer: weights.map(({ name, tensor }) => ({ name, shape: tensor.shape })),
  };
  const values = await Promise.all(weights.map(({ tensor }) => tensor.data<'float32'>()));
  const buffer = new Float32Array(values.reduce((total, array) => total + array.length, 0));
  values.reduce((offset, array) => (buffer.set(array, offset), offset + array.length), 0);
  await writeFile(join(staging, optimizerFile), new Uint8Array(buffer.buffer));
  await writeFile(join(staging, stateFile), `${JSON.stringify(stored, null, 2)}\n`);
  // Last: the sizes and sha256s of the four files, so that a changed or damaged file is refused.
  await writeFolderManifest(staging, [MODEL_FILE, WEIGHTS_FILE, optimizerFile, stateFile]);
  const previous = `${folder}.old`;
  await rm(previous, { recursive: true, force: true });
  await rename(folder, previous).catch((error: unknown) => {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  });
  await rename(staging, folder);
  await rm(previous, { recursive: true, force: true });
}

/**
 * The state of the checkpoint in `folder` (or `folder.old`, as {@link loadCheckpoint} falls
 * back to), without loading its model: what a command needs to know before it loads data.
 *
 * @throws CheckpointError when neither holds a readable state.
 */
export async function loadCheckpointState(folder: string): Promise<CheckpointState> {
  return readState(folder).catch(async (error: unknown) =>
    readState(`${folder}.old`).catch(() => {
      throw error;
    }),
  );
}

/** A checkpoint read back: the model, the optimiser weights to restore, and the state. */
export interface LoadedCheckpoint {
  readonly model: tf.LayersModel;
  readonly optimizerWeights: { name: string; tensor: tf.Tensor }[];
  readonly state: CheckpointState;
}

/**
 * Reads a checkpoint written by {@link saveCheckpoint}, falling back to `folder.old` when a
 * save was interrupted between its two renames. Its files are checked against its manifest
 * first; a checkpoint from before manifests loads unverified and `onNotice` hears it.
 *
 * @throws CheckpointError when neither holds a readable checkpoint of this format;
 *   ModelFileError (of @lenet/models) naming the file when one differs from the manifest.
 */
export async function loadCheckpoint(
  folder: string,
  onNotice?: (notice: string) => void,
): Promise<LoadedCheckpoint> {
  try {
    return await readCheckpoint(folder, onNotice);
  } catch (error) {
    try {
      return await readCheckpoint(`${folder}.old`, onNotice);
    } catch {
      throw error;
    }
  }
}

async function readCheckpoint(
  folder: string,
  onNotice?: (notice: string) => void,
): Promise<LoadedCheckpoint> {
  const stored = await readState(folder);
  if ((await verifyFolderManifest(folder)) === undefined)
    onNotice?.(
      `the checkpoint in ${folder} has no manifest (written before lenet checked its files), so it resumes unverified.`,
    );
  const bytes = await readFile(join(folder, optimizerFile)).catch((cause: unknown) => {
    throw new CheckpointError(
      folder,
      `The checkpoint in ${folder} has no readable ${optimizerFile}. Start a new run, or resume from an intact checkpoint.`,
      { cause },
    );
  });
  const values = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  const expected = stored.optimizer.reduce(
    (total, entry) => total + entry.shape.reduce((product, size) => product * size, 1),
    0,
  );
  if (values.length !== expected) {
    throw new CheckpointError(
      folder,
      `The checkpoint in ${folder} is damaged: ${optimizerFile} holds ${values.length} values, its state lists ${expected}. Start a new run.`,
    );
  }
  let offset = 0;
  const optimizerWeights = stored.optimizer.map(({ name, shape }) => {
    const size = shape.reduce((product, length) => product * length, 1);
    const tensor = tf.tensor(values.subarray(offset, offset + size), shape);
    offset += size;
    return { name, tensor };
  });
  const model = await loadModel(folder).catch((cause: unknown) => {
    tf.dispose(optimizerWeights.map((weight) => weight.tensor));
    throw new CheckpointError(
      folder,
      `The model in the checkpoint ${folder} could not be loaded (${cause instanceof Error ? cause.message : String(cause)}). Start a new run.`,
      { cause },
    );
  });
  const { nextEpoch, nextBatch, settings, history, elapsedSeconds, partial } = stored;
  return {
    model,
    optimizerWeights,
    state: {
      nextEpoch,
      nextBatch,
      settings,
      history,
      elapsedSeconds,
      ...(partial === undefined ? {} : { partial }),
    },
  };
}

async function readState(folder: string): Promise<StoredState> {
  let text: string;
  try {
    text = await readFile(join(folder, stateFile), 'utf8');
  } catch (cause) {
    throw new CheckpointError(
      folder,
      `No checkpoint found in ${folder} (no ${stateFile}). Check the folder, or start a new run without --resume.`,
      { cause },
    );
  }
  let stored: Partial<StoredState>;
  try {
    stored = JSON.parse(text) as Partial<StoredState>;
  } catch (cause) {
    throw new CheckpointError(
      folder,
      `The checkpoint state ${join(folder, stateFile)} is not valid JSON: the file is damaged. Start a new run.`,
      { cause },
    );
  }
  if (
    stored.format !== checkpointFormat ||
    stored.version !== checkpointVersion ||
    !Array.isArray(stored.optimizer)
  ) {
    throw new CheckpointError(
      folder,
      `${join(folder, stateFile)} is not a lenet checkpoint of version ${checkpointVersion} (format ${String(stored.format)}, version ${String(stored.version)}). Start a new run.`,
    );
  }
  const problem = stateProblem(stored);
  if (problem !== undefined)
    throw new CheckpointError(
      folder,
      `The checkpoint state ${join(folder, stateFile)} is damaged or was edited: ${problem}. Restore the run folder from a copy, or start a new run.`,
    );
  return stored as StoredState;
}

/** What is wrong with a stored state's position and history, or undefined when they hold together. */
function stateProblem(stored: Partial<StoredState>): string | undefined {
  const { nextEpoch, nextBatch, history, elapsedSeconds, settings } = stored;
  const epochs = (settings as { epochs?: unknown } | undefined)?.epochs;
  const wholeAtLeast = (value: unknown, least: number): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= least;
  if (typeof settings !== 'object' || settings === null || !wholeAtLeast(epochs, 1))
    return 'its settings are missing or give no epoch count';
  if (!wholeAtLeast(nextEpoch, 0) || nextEpoch > epochs)
    return `nextEpoch ${String(nextEpoch)} is not an epoch of 0..${String(epochs)}`;
  if (!wholeAtLeast(nextBatch, 0)) return `nextBatch ${String(nextBatch)} is not a batch number`;
  if (!Array.isArray(history) || history.length !== nextEpoch)
    return `the history lists ${Array.isArray(history) ? String(history.length) : 'no'} epochs but nextEpoch is ${String(nextEpoch)}`;
  if (typeof elapsedSeconds !== 'number' || !Number.isFinite(elapsedSeconds) || elapsedSeconds < 0)
    return `elapsedSeconds ${String(elapsedSeconds)} is not a time`;
  return undefined;
}
