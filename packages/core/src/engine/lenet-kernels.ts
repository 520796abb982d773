/** The exports of the LeNet WebAssembly kernels (packages/core/assembly); buffers are byte offsets. */
export interface LenetKernels {
  readonly memory: WebAssembly.Memory;
  activationForward(kind: number, count: number, x: number, y: number): void;
  activationBackward(kind: number, count: number, y: number, dy: number, dx: number): void;
  convolutionForward(batch: number, input: number, inputMaps: number, height: number, width: number, output: number, outputMaps: number, weights: number, tapStride: number, linksByInput: number, linkCount: number, bias: number): void;
  convolutionWeightGradients(batch: number, input: number, inputMaps: number, height: number, width: number, outputGradient: number, outputMaps: number, tapStride: number, linksByInput: number, linkCount: number, weightGradient: number, biasGradient: number): void;
  convolutionInputGradient(batch: number, inputMaps: number, height: number, width: number, outputGradient: number, outputMaps: number, weights: number, tapStride: number, linksByInput: number, linkCount: number, inputGradient: number, scratch: number): void;
  fullWeightGradients(batch: number, input: number, inputMaps: number, height: number, width: number, outputGradient: number, outputMaps: number, weightGradient: number, biasGradient: number, scratch: number): void;
  denseForward(batch: number, x: number, inputs: number, w: number, bias: number, outputs: number, y: number): void;
  denseBackward(batch: number, x: number, inputs: number, w: number, outputs: number, dy: number, dw: number, dbias: number, dx: number): void;
  rbfForward(batch: number, x: number, inputs: number, codes: number, outputs: number, y: number): void;
  rbfBackward(batch: number, x: number, inputs: number, codes: number, outputs: number, dy: number, dx: number): void;
  planarToInterleaved(batch: number, maps: number, area: number, x: number, y: number): void;
  interleavedToPlanar(batch: number, maps: number, area: number, x: number, y: number): void;
  subsamplingForward(batch: number, maps: number, height: number, width: number, x: number, sums: number, coefficient: number, bias: number, scale: number, y: number): void;
  subsamplingBackward(batch: number, maps: number, height: number, width: number, sums: number, dy: number, coefficient: number, scale: number, coefficientGradient: number, biasGradient: number, dx: number): void;
  maxPoolForward(batch: number, maps: number, height: number, width: number, x: number, winners: number, y: number): void;
  maxPoolBackward(batch: number, maps: number, height: number, width: number, winners: number, dy: number, dx: number): void;
  adamFoldedStep(count: number, weights: number, gradients: number, first: number, second: number, beta1: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number, stepSize: number, epsilon: number): void;
  addScaledShare(count: number, target: number, source: number, factor: number): void;
  scaledDescent(count: number, weights: number, steps: number, gradients: number): void;
  momentumStep(count: number, weights: number, gradients: number, accumulations: number, c: number, m: number, nesterov: number): void;
  adamStep(count: number, weights: number, gradients: number, first: number, second: number, beta1: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number, correction1: number, correction2: number, epsilon: number, c: number): void;
  simdPeak(iterations: number, seed: number): number;
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
  if (!response.ok) throw new Error(`could not fetch the LeNet kernels at ${kernelFile.href}: HTTP ${String(response.status)}. Serve the package's wasm/lenet-kernels.wasm beside its modules (bundlers that understand new URL(..., import.meta.url) do).`);
  return response.arrayBuffer();
}

/**
 * A fresh instance of the LeNet WebAssembly SIMD kernels, with its own memory. The module is
 * read and compiled once per thread.
 */
export async function instantiateLenetKernels(): Promise<LenetKernels> {
  compiled ??= readKernelFile().then((bytes) => WebAssembly.compile(bytes));
  const instance = await WebAssembly.instantiate(await compiled, {});
  return instance.exports as unknown as LenetKernels;
}
