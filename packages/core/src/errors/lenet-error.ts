const marker = Symbol.for('@lenet/error');

/** Options shared by every lenet error. */
export interface LenetErrorOptions {
  /** The error that caused this one, if any. */
  cause?: unknown;
}

/**
 * The base class of every error thrown by a lenet package.
 *
 * Messages say what happened, what was expected against what was found, and what to do.
 * Use {@link LenetError.isInstance} rather than `instanceof`: it recognises errors thrown
 * by a second installed copy of a lenet package too.
 *
 * @example
 * ```ts
 * try {
 *   await loadMnist({ folder: 'data' });
 * } catch (error) {
 *   if (LenetError.isInstance(error)) console.error(error.message);
 *   else throw error;
 * }
 * ```
 */
export class LenetError extends Error {
  private readonly [marker] = true;

  /**
   * @param name - The error's class name, such as `IdxFormatError`.
   * @param message - What happened, expected vs. actual, and what to do.
   * @param options - The underlying cause, if any.
   */
  constructor(name: string, message: string, options: LenetErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = name;
  }

  /** True when `error` is a lenet error from any installed copy of a lenet package. */
  static isInstance(error: unknown): error is LenetError {
    return typeof error === 'object' && error !== null && marker in error && (error as Record<symbol, unknown>)[marker] === true;
  }
}
