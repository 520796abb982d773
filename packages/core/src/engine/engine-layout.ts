// Where the LeNet engine's buffers sit in its kernels' memory: the weight-shaped vectors and the
// steps' constant tables, laid out once, then each step's buffers for slices of up to `capacity`
// images, laid out again when a larger slice comes.
import type { UpdateBuffers } from './engine-update.js';
import { constantTable, scratchFor, type StepBuffers } from './engine-steps.js';
import { FLOATS_PER_VECTOR, KERNEL_STATIC_BYTES } from './kernel-constants.js';
import { mapElements, type NetworkPlan } from './network-plan.js';

/** Bytes a float32. */
export const FLOAT = 4;
/** Bytes a WebAssembly page. */
export const PAGE = 65_536;
// The kernels' own static data sits in the first KERNEL_STATIC_BYTES (one page, checked when the
// kernels are loaded); engine buffers start after it.
const FIRST_FREE_BYTE = KERNEL_STATIC_BYTES;

/** The part of the layout that does not depend on the slice size. */
export interface StaticLayout {
  /** The weights, gradient, step sizes and optimiser state, each padded to whole SIMD vectors with zeros that the updates keep zero. */
  readonly vectors: UpdateBuffers;
  /** Where a gradient share computed elsewhere is copied before it is added in. */
  readonly staging: number;
  /** Each step's constant table (0 for none) and the table itself. */
  readonly constants: readonly {
    readonly at: number;
    readonly table: Int32Array | Float32Array | undefined;
  }[];
  /** The first byte after it. */
  readonly end: number;
}

/** The static layout of `plan`. */
export function staticLayout(plan: NetworkPlan): StaticLayout {
  const vectorBytes = Math.ceil(plan.parameters / FLOATS_PER_VECTOR) * FLOATS_PER_VECTOR * FLOAT;
  const weights = FIRST_FREE_BYTE;
  const vectors = {
    count: plan.parameters,
    weights,
    gradients: weights + vectorBytes,
    stepSizes: weights + 2 * vectorBytes,
    first: weights + 3 * vectorBytes,
    second: weights + 4 * vectorBytes,
  };
  const staging = weights + 5 * vectorBytes;
  let next = staging + vectorBytes;
  const constants = plan.steps.map((step) => {
    const table = constantTable(step);
    const at = table === undefined ? 0 : next;
    next += (table?.length ?? 0) * FLOAT;
    return { at, table };
  });
  return { vectors, staging, constants, end: next };
}

/** Each step's buffers for slices of up to `capacity` images, after the static layout. */
export function sliceLayout(
  plan: NetworkPlan,
  layout: StaticLayout,
  capacity: number,
): { readonly input: number; readonly buffers: StepBuffers[]; readonly end: number } {
  let next = layout.end;
  const take = (values: number, perImage = true): number => {
    const start = next;
    next += values * (perImage ? capacity : 1) * FLOAT;
    return start;
  };
  const input = take(plan.inputSize * plan.inputSize);
  const buffers = plan.steps.map((step, index) => ({
    output: take(mapElements(step.output)),
    gradient: take(mapElements(step.output)),
    scratch: scratchFor(step, take),
    constants: layout.constants[index]?.at ?? 0,
  }));
  return { input, buffers, end: next };
}
