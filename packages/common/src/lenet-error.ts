const marker = '@lenet/error';
const symbol = Symbol.for(marker);

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
 * by a second installed copy of a lenet package too. Every subclass carries a marker of its own
 * (`Symbol.for('@lenet/error/<ClassName>')`) and its own `isInstance`, so that
 * `IdxFormatError.isInstance(checksumError)` is false while `LenetError.isInstance` of either is true.
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
  private readonly [symbol] = true;

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
    return LenetError.hasMarker(error, marker);
  }

  /**
   * True when `error` carries the marker `Symbol.for(marker)`: what a subclass's `isInstance`
   * checks with its own marker, `'@lenet/error/<ClassName>'`.
   */
  protected static hasMarker(error: unknown, marker: string): boolean {
    const key = Symbol.for(marker);
    return (
      typeof error === 'object' &&
      error !== null &&
      key in error &&
      (error as Record<symbol, unknown>)[key] === true
    );
  }
}
