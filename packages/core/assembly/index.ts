// The LeNet training kernels, compiled to WebAssembly SIMD by `pnpm build:wasm` (AssemblyScript).
// Buffers are byte offsets into this module's memory, which the TypeScript engine
// (src/engine/) lays out and grows.
export { activationBackward, activationForward } from './activations';
export { convolutionForward, convolutionWeightGradients } from './convolution';
export { convolutionInputGradient, fullWeightGradients } from './convolution-products';
export { adamFoldedStep, adamStep, addScaledShare, momentumStep, scaledDescent } from './descent';
export { simdPeak } from './peak';
export { denseBackward, denseForward, interleavedToPlanar, planarToInterleaved, rbfBackward, rbfForward } from './dense';
export { maxPoolBackward, maxPoolForward, subsamplingBackward, subsamplingForward } from './pooling';
