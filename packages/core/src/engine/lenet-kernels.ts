import { KernelBindingError, type KernelMismatch } from './kernel-binding-error.js';
import * as KERNEL_CONSTANTS from './kernel-constants.js';
import { KernelFetchError } from './kernel-fetch-error.js';

/** The exports of the LeNet WebAssembly kernels (packages/core/assembly); buffers are byte offsets. */
export interface LenetKernels {
  readonly memory: WebAssembly.Memory;
  activationForward(kind: number, count: number, x: number, y: number): void;
  activationBackward(kind: number, count: number, y: number, dy: number, dx: number): void;
  convolutionForward(
    batch: number,
    input: number,
    inputMaps: number,
    height: number,
    width: number,
    output: number,
    outputMaps: number,
    weights: number,
    tapStride: number,
    linksByInput: number,
    linkCount: number,
    bias: number,
  ): void;
  convolutionWeightGradients(
    batch: number,
    input: number,
    inputMaps: number,
    height: number,
    width: number,
    outputGradient: number,
    outputMaps: number,
    tapStride: number,
    linksByInput: number,
    linkCount: number,
    weightGradient: number,
    biasGradient: number,
  ): void;
  convolutionInputGradient(
    batch: number,
    inputMaps: number,
    height: number,
    width: number,
    outputGradient: number,
    outputMaps: number,
    weights: number,
    tapStride: number,
    linksByInput: number,
    linkCount: number,
    inputGradient: number,
    scratch: number,
  ): void;
  fullWeightGradients(
    batch: number,
    input: number,
    inputMaps: number,
    height: number,
    width: number,
    outputGradient: number,
    outputMaps: number,
    weightGradient: number,
    biasGradient: number,
    scratch: number,
  ): void;
  denseForward(
    batch: number,
    x: number,
    inputs: number,
    w: number,
    bias: number,
    outputs: number,
    y: number,
  ): void;
  denseBackward(
    batch: number,
    x: number,
    inputs: number,
    w: number,
    outputs: number,
    dy: number,
    dw: number,
    dbias: number,
    dx: number,
  ): void;
  rbfForward(
    batch: number,
    x: number,
    inputs: number,
    codes: number,
    outputs: number,
    y: number,
  ): void;
  rbfBackward(
    batch: number,
    x: number,
    inputs: number,
    codes: number,
    outputs: number,
    dy: number,
    dx: number,
  ): void;
  planarToInterleaved(batch: number, maps: number, area: number, x: number, y: number): void;
  interleavedToPlanar(batch: number, maps: number, area: number, x: number, y: number): void;
  subsamplingForward(
    batch: number,
    maps: number,
    height: number,
    width: number,
    x: number,
    sums: number,
    coefficient: number,
    bias: number,
    scale: number,
    y: number,
  ): void;
  subsamplingBackward(
    batch: number,
    maps: number,
    height: number,
    width: number,
    sums: number,
    dy: number,
    coefficient: number,
    scale: number,
    coefficientGradient: number,
    biasGradient: number,
    dx: number,
  ): void;
  maxPoolForward(
    batch: number,
    maps: number,
    height: number,
    width: number,
    x: number,
    winners: number,
    y: number,
  ): void;
  maxPoolBackward(
    batch: number,
    maps: number,
    height: number,
    width: number,
    winners: number,
    dy: number,
    dx: number,
  ): void;
  adamFoldedStep(
    count: number,
    weights: number,
    gradients: number,
    first: number,
    second: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    stepSize: number,
    epsilon: number,
  ): void;
  addScaledShare(count: number, target: number, source: number, factor: number): void;
  scaledDescent(count: number, weights: number, steps: number, gradients: number): void;
  momentumStep(
    count: number,
    weights: number,
    gradients: number,
    accumulations: number,
    c: number,
    m: number,
    nesterov: number,
  ): void;
  adamStep(
    count: number,
    weights: number,
    gradients: number,
    first: number,
    second: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    correction1: number,
    correction2: number,
    epsilon: number,
    c: number,
  ): void;
  simdPeak(iterations: number, seed: number): number;
  staticDataEnd(): number;
}

type KernelFunctionName = Exclude<keyof LenetKernels, 'memory'>;

// The parameter count of every kernel function, checked against the interface above by the
// compiler (each entry must equal its function's parameter count there) and against the
// module's exports when it is loaded (a WebAssembly function's `length` is its parameter count).
const KERNEL_ARITIES: {
  readonly [Name in KernelFunctionName]: Parameters<LenetKernels[Name]>['length'];
} = {
  activationForward: 4,
  activationBackward: 5,
  convolutionForward: 12,
  convolutionWeightGradients: 12,
  convolutionInputGradient: 12,
  fullWeightGradients: 10,
  denseForward: 7,
  denseBackward: 9,
  rbfForward: 6,
  rbfBackward: 7,
  planarToInterleaved: 5,
  interleavedToPlanar: 5,
  subsamplingForward: 10,
  subsamplingBackward: 11,
  maxPoolForward: 7,
  maxPoolBackward: 7,
  adamFoldedStep: 11,
  addScaledShare: 4,
  scaledDescent: 4,
  momentumStep: 7,
  adamStep: 13,
  simdPeak: 2,
  staticDataEnd: 0,
};

const parameters = (count: number): string =>
  `a function of ${String(count)} parameter${count === 1 ? '' : 's'}`;

function describeExport(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'function') return parameters(value.length);
  if (value instanceof WebAssembly.Global) return `a global of value ${String(value.value)}`;
  return `a ${value instanceof WebAssembly.Memory ? 'memory' : typeof value}`;
}

function mismatchesOf(exports: WebAssembly.Exports): KernelMismatch[] {
  const mismatches: KernelMismatch[] = [];
  const differs = (name: string, expected: string): void => {
    const actual = describeExport(exports[name]);
    if (actual !== expected) mismatches.push({ name, expected, actual });
  };
  differs('memory', 'a memory');
  for (const [name, count] of Object.entries(KERNEL_ARITIES)) differs(name, parameters(count));
  for (const [name, value] of Object.entries(KERNEL_CONSTANTS))
    differs(name, `a global of value ${String(value)}`);
  if (mismatches.length === 0) {
    // Every function is there with its parameter count, so the binding's types hold.
    const end = (exports as unknown as LenetKernels).staticDataEnd();
    const reserved = KERNEL_CONSTANTS.KERNEL_STATIC_BYTES;
    if (end > reserved)
      mismatches.push({
        name: 'staticDataEnd()',
        expected: `static data within the first ${String(reserved)} bytes (KERNEL_STATIC_BYTES)`,
        actual: `${String(end)} bytes`,
      });
  }
  return mismatches;
}

/**
 * The typed binding of a LeNet kernels instance's exports, after checking them: every function
 * the engine calls, with the parameter count it calls it with, the memory, and every constant of
 * src/engine/kernel-constants.ts with the value compiled into this package's TypeScript.
 *
 * @param exports - `instance.exports` of the module.
 * @param source - Where the module came from, for the error message.
 * @throws {@link KernelBindingError} naming each export that is missing or differs.
 */
export function bindLenetKernels(exports: WebAssembly.Exports, source: string): LenetKernels {
  const mismatches = mismatchesOf(exports);
  if (mismatches.length > 0) throw new KernelBindingError(source, mismatches);
  return exports as unknown as LenetKernels;
}

const kernelFile = new URL('../../wasm/lenet-kernels.wasm', import.meta.url);
let compiled: Promise<WebAssembly.Module> | undefined;

async function readKernelFile(): Promise<BufferSource> {
  if (kernelFile.protocol === 'file:') {
    // Node (>= 20.16): read the file from the package. getBuiltinModule, not an import, keeps
    // browser bundlers from pulling in a Node module.
    return process.getBuiltinModule('fs/promises').readFile(kernelFile);
  }
  const response = await fetch(kernelFile);
  if (!response.ok) throw new KernelFetchError(kernelFile.href, response.status);
  return response.arrayBuffer();
}

/**
 * A fresh instance of the LeNet WebAssembly SIMD kernels, with its own memory. The module is
 * read and compiled once per thread.
 *
 * @throws {@link KernelBindingError} when the module's exports differ from what the engine
 *   calls (a module built from other sources: rebuild it with `pnpm --filter @lenet/core build:wasm`).
 */
export async function instantiateLenetKernels(): Promise<LenetKernels> {
  compiled ??= readKernelFile().then((bytes) => WebAssembly.compile(bytes));
  const instance = await WebAssembly.instantiate(await compiled, {});
  return bindLenetKernels(instance.exports, kernelFile.href);
}
