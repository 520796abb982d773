import { LenetError } from '../errors/index.js';

const marker = '@lenet/error/KernelBindingError';
const symbol = Symbol.for(marker);

/** One export of the LeNet kernels that differs from what the TypeScript engine expects. */
export interface KernelMismatch {
  /** The export's name, such as `convolutionForward` or `MAX_LINKS_PER_INPUT`. */
  readonly name: string;
  /** What the engine expects, such as `a function of 12 parameters` or `1024`. */
  readonly expected: string;
  /** What the module has, such as `a function of 11 parameters` or `nothing`. */
  readonly actual: string;
}

/** The command that rebuilds the kernels from packages/core/assembly (the `build:wasm` script). */
export const REBUILD_KERNELS_COMMAND = 'pnpm --filter @lenet/core build:wasm';

/**
 * Thrown when the LeNet WebAssembly kernels (`wasm/lenet-kernels.wasm`) do not match the
 * TypeScript that calls them: an export is missing, a function takes another number of
 * parameters, or a constant shared by both sides (src/engine/kernel-constants.ts) has another
 * value. The module was built from other sources than this package's: rebuild it.
 */
export class KernelBindingError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link KernelBindingError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is KernelBindingError {
    return LenetError.hasMarker(error, marker);
  }

  /** Every export that differs, in the order they were checked. */
  readonly mismatches: readonly KernelMismatch[];

  /**
   * @param source - Where the module came from, such as its file URL.
   * @param mismatches - The exports that differ (at least one).
   */
  constructor(source: string, mismatches: readonly KernelMismatch[]) {
    const listed = mismatches
      .map(({ name, expected, actual }) => `${name}: expected ${expected}, got ${actual}`)
      .join('; ');
    super(
      'KernelBindingError',
      `The LeNet kernels at ${source} do not match this version of @lenet/core (${listed}). ` +
        `They were built from other sources: rebuild them with \`${REBUILD_KERNELS_COMMAND}\`, which compiles packages/core/assembly into wasm/lenet-kernels.wasm.`,
    );
    this.mismatches = mismatches;
  }
}
