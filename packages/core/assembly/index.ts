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
export { staticDataEnd } from './memory';
// The constants shared with the TypeScript engine, exported as globals so that the engine can
// refuse a module built from another version of them (src/engine/lenet-kernels.ts).
export {
  ACTIVATION_LINEAR, ACTIVATION_RELU, ACTIVATION_SCALED_TANH, ACTIVATION_TANH, FLOATS_PER_VECTOR,
  KERNEL_STATIC_BYTES, MAX_LINKS_PER_INPUT, PRODUCTS_GUARD_FLOATS, WEIGHT_GRADIENT_MAP_BLOCK,
} from '../src/engine/kernel-constants';
