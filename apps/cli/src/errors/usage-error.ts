import { LenetError } from '@lenet/core/errors';

/** A command line that cannot be carried out as given (exit code 2). */
export class UsageError extends LenetError {
  constructor(message: string) {
    super('UsageError', message);
  }
}
