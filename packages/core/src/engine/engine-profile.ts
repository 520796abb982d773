// LenetEngine.profile's types and bookkeeping: the timer of each plan step's directions, what
// each step computes, and the machine's SIMD peak.
import type { LenetKernels } from './lenet-kernels.js';
import type { MapShape, PlanStep } from './network-plan.js';
import { mapElements } from './network-plan.js';

/** One step of the plan in {@link LenetEngine.profile}: milliseconds per batch and multiply-adds. */
export interface EngineStepProfile {
  /** Its position in `plan.steps`. */
  readonly step: number;
  readonly kind: PlanStep['kind'];
  /** What it computes, such as `convolution 6@14x14 -> 16@10x10, 60 links`. */
  readonly description: string;
  readonly forwardMs: number;
  /** The weight and bias gradients of convolutions and dense layers (0 for the others); for dense layers, whose kernel computes both gradients in one pass, their input gradient too. */
  readonly weightGradientMs: number;
  /** The gradient passed down (everything else the backward pass does). */
  readonly inputGradientMs: number;
  /** The multiply-adds the forward pass needs mathematically (products with zero padding that a kernel makes do not count). */
  readonly forwardMultiplyAdds: number;
  /** The same for the weight gradient. */
  readonly weightGradientMultiplyAdds: number;
  /** The same for the input gradient. */
  readonly inputGradientMultiplyAdds: number;
}

/** What {@link LenetEngine.profile} measured. */
export interface EngineProfile {
  /** Images per step. */
  readonly batch: number;
  readonly steps: readonly EngineStepProfile[];
  /** The update `w - s * g` over the flat weights, ms per step. */
  readonly updateMs: number;
  /** This machine's WebAssembly SIMD multiply-add rate (independent f32x4 multiplies and adds in registers), GFLOP/s. */
  readonly peakGflops: number;
}

/** Accumulates the time of each plan step's forward pass, weight gradient and input gradient. */
export class StepTimer {
  private totals: { forward: number; weight: number; input: number }[];

  constructor(private readonly steps: number) {
    this.totals = this.fresh();
  }

  reset(): void {
    this.totals = this.fresh();
  }

  forward(index: number, run: () => void): void {
    const started = performance.now();
    run();
    this.add(index, 'forward', performance.now() - started);
  }

  /**
   * Times a step's backward pass: for convolutions (`both`), `run(false)` (the weight gradient
   * alone) and `run(true)`, the difference being the input gradient's; a first convolution, and
   * every dense layer (whose kernel computes both gradients in one pass), all as the weight
   * gradient (`weights`); the other steps only pass the gradient down (`input`).
   */
  backward(
    index: number,
    run: (withInputGradient: boolean) => void,
    parts: 'both' | 'weights' | 'input',
  ): void {
    let started = performance.now();
    run(parts === 'input');
    const first = performance.now() - started;
    if (parts !== 'both') {
      this.add(index, parts === 'weights' ? 'weight' : 'input', first);
      return;
    }
    started = performance.now();
    run(true);
    this.add(index, 'weight', first);
    this.add(index, 'input', Math.max(0, performance.now() - started - first));
  }

  averages(
    index: number,
    rounds: number,
  ): { forwardMs: number; weightGradientMs: number; inputGradientMs: number } {
    const total = this.totals[index] ?? { forward: 0, weight: 0, input: 0 };
    return {
      forwardMs: total.forward / rounds,
      weightGradientMs: total.weight / rounds,
      inputGradientMs: total.input / rounds,
    };
  }

  private add(index: number, phase: 'forward' | 'weight' | 'input', milliseconds: number): void {
    const total = this.totals[index];
    if (total !== undefined) total[phase] += milliseconds;
  }

  private fresh(): { forward: number; weight: number; input: number }[] {
    return Array.from({ length: this.steps }, () => ({ forward: 0, weight: 0, input: 0 }));
  }
}

const shapeText = (shape: MapShape): string =>
  shape.height === 1 && shape.width === 1
    ? String(shape.maps)
    : `${String(shape.maps)}@${String(shape.height)}x${String(shape.width)}`;

export function describeStep(step: PlanStep): string {
  const shapes = `${shapeText(step.input)} -> ${shapeText(step.output)}`;
  if (step.kind === 'convolution')
    return `convolution ${shapes}, ${String(step.links.length / 3)} links`;
  if (step.kind === 'activation') return `activation ${shapeText(step.input)}`;
  return `${step.kind} ${shapes}`;
}

/** The multiply-adds of one step's forward pass, weight gradient and input gradient, for `count` images. */
export function multiplyAdds(
  step: PlanStep,
  count: number,
): {
  forwardMultiplyAdds: number;
  weightGradientMultiplyAdds: number;
  inputGradientMultiplyAdds: number;
} {
  if (step.kind === 'convolution') {
    const links = step.links.length / 3;
    // The multiply-adds the mathematics needs, the same in each direction (products with the zero
    // padding that a kernel may make do not count).
    const forward = links * step.output.height * step.output.width * 25 * count;
    return {
      forwardMultiplyAdds: forward,
      weightGradientMultiplyAdds: forward,
      inputGradientMultiplyAdds: step.firstLayer ? 0 : forward,
    };
  }
  const product = mapElements(step.input) * mapElements(step.output) * count;
  // A dense layer's kernel computes both gradients in one pass: all of it counts as the weight gradient.
  if (step.kind === 'dense')
    return {
      forwardMultiplyAdds: product,
      weightGradientMultiplyAdds: step.firstLayer ? product : 2 * product,
      inputGradientMultiplyAdds: 0,
    };
  if (step.kind === 'rbf')
    return {
      forwardMultiplyAdds: product,
      weightGradientMultiplyAdds: 0,
      inputGradientMultiplyAdds: product,
    };
  return { forwardMultiplyAdds: 0, weightGradientMultiplyAdds: 0, inputGradientMultiplyAdds: 0 };
}

/** The WebAssembly SIMD multiply-add rate of this machine, GFLOP/s (best of three runs of the `simdPeak` kernel). */
export function simdPeakGflops(kernels: LenetKernels): number {
  const iterations = 2_000_000;
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    kernels.simdPeak(iterations, run);
    best = Math.min(best, performance.now() - started);
  }
  return (iterations * 96) / (best / 1000) / 1e9;
}
