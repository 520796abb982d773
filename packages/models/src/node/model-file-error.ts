import { LenetError } from '@lenet/core/errors';

const marker = '@lenet/error/ModelFileError';
const symbol = Symbol.for(marker);

/** Thrown when a model folder cannot be written or read, or fails its manifest's check. */
export class ModelFileError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link ModelFileError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is ModelFileError {
    return LenetError.hasMarker(error, marker);
  }

  /** The file involved. */
  readonly path: string;

  /**
   * @param path - The file involved.
   * @param message - What happened and what to do.
   * @param cause - The underlying error.
   */
  constructor(path: string, message: string, cause?: unknown) {
    super('ModelFileError', message, { cause });
    this.path = path;
  }
}
