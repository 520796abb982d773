import { writeFileAtomic } from '@lenet/common/node';
import { ModelFileError } from './model-file-error.js';

/** The model topology file a `fileSystemHandler` writes and reads. */
export const MODEL_FILE = 'model.json';
/** The weights file a `fileSystemHandler` writes and reads. */
export const WEIGHTS_FILE = 'weights.bin';

/** Writes a file of a model folder atomically, a failure said as a {@link ModelFileError}. */
export async function writeModelFile(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, data);
  } catch (error) {
    throw new ModelFileError(
      path,
      `Could not write ${path}: ${String(error)}. Check that the folder is writable and the disk has room.`,
      error,
    );
  }
}
