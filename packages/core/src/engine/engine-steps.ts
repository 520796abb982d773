// How the engine runs one step of its plan: which kernel, on which buffers, forward and backward.
import { FLOAT } from './engine-layout.js';
import { FLOATS_PER_VECTOR, PRODUCTS_GUARD_FLOATS } from './kernel-constants.js';
import type { LenetKernels } from './lenet-kernels.js';
import { mapElements, weightGradientAsProduct, type PlanStep } from './network-plan.js';

/** Where one step's buffers are in the kernels' memory (byte offsets). */
export interface StepBuffers {
  readonly output: number;
  readonly gradient: number;
  /** 2x2 sums (subsampling, average pooling), winners (max pooling), or a convolution's products and transposed output gradient. */
  readonly scratch: number;
  /** The link table (convolutions, grouped by input map) or the fixed codes (RBF). */
  readonly constants: number;
}

/** A step's constant table: a convolution's links grouped by input map, or the RBF's fixed codes. */
export function constantTable(step: PlanStep): Int32Array | Float32Array | undefined {
  if (step.kind === 'convolution') return step.linksByInput;
  return step.kind === 'rbf' ? step.codes : undefined;
}

/** Per-step scratch: 2x2 sums or max-pool winners for the batch, or a convolution's products and transposed output gradient (see {@link convolutionScratch}). */
export function scratchFor(
  step: PlanStep,
  take: (values: number, perImage?: boolean) => number,
): number {
  if (step.kind === 'subsampling' || step.kind === 'average-pool' || step.kind === 'max-pool')
    return take(mapElements(step.output));
  if (step.kind === 'convolution') return take(convolutionScratch(step), false);
  return 0;
}

/**
 * A convolution's scratch floats: the input gradient's products (unless it is the first layer),
 * then, for a weight gradient computed as a product, the transposed output gradient.
 */
function convolutionScratch(step: PlanStep & { kind: 'convolution' }): number {
  return productsFloats(step) + (weightGradientAsProduct(step) ? mapElements(step.output) : 0);
}

/** The input gradient's products: 25 taps x input maps rows of whole vectors, with the kernel's guard floats on either side (assembly/convolution-products.ts). */
function productsFloats(step: PlanStep & { kind: 'convolution' }): number {
  const row =
    Math.ceil((step.output.height * step.output.width) / FLOATS_PER_VECTOR) * FLOATS_PER_VECTOR;
  return step.firstLayer ? 0 : 25 * step.input.maps * row + 2 * PRODUCTS_GUARD_FLOATS;
}

export function forwardStep(
  kernels: LenetKernels,
  step: PlanStep,
  count: number,
  x: number,
  buffers: StepBuffers,
  parameters: number,
): void {
  const { input, output } = step;
  const y = buffers.output;
  switch (step.kind) {
    case 'convolution':
      kernels.convolutionForward(
        count,
        x,
        input.maps,
        input.height,
        input.width,
        y,
        output.maps,
        parameters + step.weight * FLOAT,
        step.tapStride,
        buffers.constants,
        step.links.length / 3,
        parameters + step.bias * FLOAT,
      );
      return;
    case 'activation':
      kernels.activationForward(step.activation, count * mapElements(input), x, y);
      return;
    case 'subsampling':
      kernels.subsamplingForward(
        count,
        input.maps,
        input.height,
        input.width,
        x,
        buffers.scratch,
        parameters + step.coefficient * FLOAT,
        parameters + step.bias * FLOAT,
        0,
        y,
      );
      return;
    case 'average-pool':
      kernels.subsamplingForward(
        count,
        input.maps,
        input.height,
        input.width,
        x,
        buffers.scratch,
        0,
        0,
        0.25,
        y,
      );
      return;
    case 'max-pool':
      kernels.maxPoolForward(count, input.maps, input.height, input.width, x, buffers.scratch, y);
      return;
    case 'interleave':
      kernels.planarToInterleaved(count, input.maps, input.height * input.width, x, y);
      return;
    case 'dense':
      kernels.denseForward(
        count,
        x,
        mapElements(input),
        parameters + step.weight * FLOAT,
        parameters + step.bias * FLOAT,
        mapElements(output),
        y,
      );
      return;
    case 'rbf':
      kernels.rbfForward(count, x, mapElements(input), buffers.constants, mapElements(output), y);
  }
}

export function backwardStep(
  kernels: LenetKernels,
  step: PlanStep,
  count: number,
  x: number,
  buffers: StepBuffers,
  dx: number,
  parameters: number,
  gradients: number,
): void {
  const { input, output } = step;
  const dy = buffers.gradient;
  switch (step.kind) {
    case 'convolution': {
      const links = buffers.constants;
      const linkCount = step.links.length / 3;
      const weights = parameters + step.weight * FLOAT;
      if (weightGradientAsProduct(step)) {
        kernels.fullWeightGradients(
          count,
          x,
          input.maps,
          input.height,
          input.width,
          dy,
          output.maps,
          gradients + step.weight * FLOAT,
          gradients + step.bias * FLOAT,
          buffers.scratch + productsFloats(step) * FLOAT,
        );
      } else {
        kernels.convolutionWeightGradients(
          count,
          x,
          input.maps,
          input.height,
          input.width,
          dy,
          output.maps,
          step.tapStride,
          links,
          linkCount,
          gradients + step.weight * FLOAT,
          gradients + step.bias * FLOAT,
        );
      }
      if (dx !== 0)
        kernels.convolutionInputGradient(
          count,
          input.maps,
          input.height,
          input.width,
          dy,
          output.maps,
          weights,
          step.tapStride,
          links,
          linkCount,
          dx,
          buffers.scratch,
        );
      return;
    }
    case 'activation':
      if (dx !== 0)
        kernels.activationBackward(
          step.activation,
          count * mapElements(input),
          buffers.output,
          dy,
          dx,
        );
      return;
    case 'subsampling':
      kernels.subsamplingBackward(
        count,
        input.maps,
        input.height,
        input.width,
        buffers.scratch,
        dy,
        parameters + step.coefficient * FLOAT,
        0,
        gradients + step.coefficient * FLOAT,
        gradients + step.bias * FLOAT,
        dx,
      );
      return;
    case 'average-pool':
      if (dx !== 0)
        kernels.subsamplingBackward(
          count,
          input.maps,
          input.height,
          input.width,
          buffers.scratch,
          dy,
          0,
          0.25,
          0,
          0,
          dx,
        );
      return;
    case 'max-pool':
      if (dx !== 0)
        kernels.maxPoolBackward(
          count,
          input.maps,
          input.height,
          input.width,
          buffers.scratch,
          dy,
          dx,
        );
      return;
    case 'interleave':
      if (dx !== 0)
        kernels.interleavedToPlanar(count, input.maps, input.height * input.width, dy, dx);
      return;
    case 'dense':
      kernels.denseBackward(
        count,
        x,
        mapElements(input),
        parameters + step.weight * FLOAT,
        mapElements(output),
        dy,
        gradients + step.weight * FLOAT,
        gradients + step.bias * FLOAT,
        dx,
      );
      return;
    case 'rbf':
      if (dx !== 0)
        kernels.rbfBackward(
          count,
          x,
          mapElements(input),
          buffers.constants,
          mapElements(output),
          dy,
          dx,
        );
  }
}
