import { LenetError } from '@lenet/core/errors';

/** A checkpoint or saved run that is missing, corrupt, or does not match the command. */
export class CheckpointError extends LenetError {
  /** The checkpoint folder. */
  readonly folder: string;

  constructor(folder: string, message: string, options: { cause?: unknown } = {}) {
    super('CheckpointError', message, options);
    this.folder = folder;
  }
}
