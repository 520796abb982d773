import { LenetError } from '@lenet/core/errors';

const marker = '@lenet/error/CheckpointError';
const symbol = Symbol.for(marker);

/** A checkpoint or saved run that is missing, corrupt, or does not match the command. */
export class CheckpointError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link CheckpointError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is CheckpointError {
    return LenetError.hasMarker(error, marker);
  }

  /** The checkpoint folder. */
  readonly folder: string;

  constructor(folder: string, message: string, options: { cause?: unknown } = {}) {
    super('CheckpointError', message, options);
    this.folder = folder;
  }
}
