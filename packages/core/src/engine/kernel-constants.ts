// The numbers the LeNet engine's TypeScript (src/engine/) and its AssemblyScript kernels
// (assembly/) must agree on, written once: this file is compiled by both. The kernels import it
// (`import { ... } from '../src/engine/kernel-constants'`) and export every constant as a
// WebAssembly global, which `bindLenetKernels` (lenet-kernels.ts) compares with the values here
// when a module is loaded, so kernels built from an older copy of this file are refused.
//
// Keep it to plain `export const NAME = <integer literal>;` lines: AssemblyScript reads each
// as an i32 compile-time constant (no TypeScript-only syntax, no `as const`, no objects), so
// naming a number here compiles to exactly the code the literal did.

/** Activation code of the identity (assembly/activations.ts): no activation step is planned for it. */
export const ACTIVATION_LINEAR = 0;
/** Activation code of the paper's `1.7159 tanh(2a/3)`. */
export const ACTIVATION_SCALED_TANH = 1;
/** Activation code of `tanh`. */
export const ACTIVATION_TANH = 2;
/** Activation code of `relu`. */
export const ACTIVATION_RELU = 3;

/**
 * The most links (output maps) one input map may feed: the input-gradient kernel keeps one
 * input map's links in a static table of this many entries (assembly/convolution-products.ts),
 * and the engine's plan refuses networks with more.
 */
export const MAX_LINKS_PER_INPUT = 1024;

/**
 * Output maps per pass of the weight-gradient kernel of full convolutions (four vectors of
 * four, fixed by that kernel's register blocking): the plan takes that kernel only for output
 * maps in whole groups of this many.
 */
export const WEIGHT_GRADIENT_MAP_BLOCK = 16;

/**
 * Floats in one SIMD vector (f32x4): fixed by WebAssembly SIMD, not a setting. The engine pads
 * every weight-shaped vector to a whole number of them, and a convolution's product rows are
 * rounded up to whole vectors.
 */
export const FLOATS_PER_VECTOR = 4;

/**
 * Floats of slack the input-gradient kernel keeps on either side of its products in a
 * convolution's scratch (masked lanes read up to one vector before and after them): the
 * products start this many floats into the scratch, which holds twice this many more floats.
 */
export const PRODUCTS_GUARD_FLOATS = 4;

/**
 * Bytes at the start of the kernels' memory reserved for the kernels' own static data (link
 * table, splatted weights): the engine lays out its buffers after them. One WebAssembly page;
 * the binding refuses a module whose static data does not fit.
 */
export const KERNEL_STATIC_BYTES = 65536;
