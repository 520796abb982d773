import type * as tf from '@tensorflow/tfjs';
import { instantiateLenetKernels, type LenetKernels } from './lenet-kernels.js';
import { describeStep, multiplyAdds, StepTimer, type EngineProfile } from './engine-profile.js';
import { mapElements, planNetwork, UnsupportedNetwork, weightGradientAsProduct, type NetworkPlan, type PlanStep } from './network-plan.js';
import { outputLoss, type EngineCriterion } from './output-loss.js';
import { runUpdate, type EngineUpdate, type UpdateBuffers } from './engine-update.js';

const DIAGONAL: EngineUpdate = { rule: 'diagonal' };

/** A batch for the engine: `[count, size, size, 1]` row-major pixels, already scaled, and labels. */
export interface EngineBatch {
  readonly pixels: Float32Array;
  readonly size: number;
  readonly labels: Uint8Array;
}

/** One thread's share of a batch's gradient (see {@link LenetEngine.applyUpdate}). */
export interface GradientShare {
  /** The share's mean-loss gradient, laid out like the weights. */
  readonly gradients: Float32Array;
  /** The fraction of the batch's images the share covers. */
  readonly fraction: number;
}

/** The mean loss of a batch, its correct read-outs and the gradient, laid out like the weights. */
export interface EngineGradients {
  readonly loss: number;
  readonly correct: number;
  /** d(mean loss)/d(weight), concatenated in `model.trainableWeights` order (a fresh copy). */
  readonly gradients: Float32Array;
}

const FLOAT = 4;
const PAGE = 65_536;
// The kernels' own constants sit in the first page; engine buffers start after it.
const FIRST_FREE_BYTE = PAGE;


interface StepBuffers {
  readonly output: number;
  readonly gradient: number;
  /** 2x2 sums (subsampling, average pooling) or winners (max pooling). */
  readonly scratch: number;
  /** The link table (convolutions, grouped by input map) or the fixed codes (RBF). */
  readonly constants: number;
}

/**
 * Trains a LeNet without tfjs's per-operation overhead: the forward and backward passes of a
 * whole batch run in WebAssembly SIMD kernels written for LeNet's layers (5x5 convolutions,
 * full or over a connection table, the trainable subsampling, pooling, dense and RBF layers,
 * the paper's activations), with weights held as one flat vector. Build one with
 * {@link createLenetEngine}.
 */
export class LenetEngine {
  /** Images per slice of a training batch (see {@link LenetEngine.gradients}). */
  static sliceSize = 16;
  /** The model's steps as the engine runs them. */
  readonly plan: NetworkPlan;
  private readonly kernels: LenetKernels;
  private readonly parameters: number;
  private readonly gradientsStart: number;
  private readonly stepsStart: number;
  private readonly updateBuffers: UpdateBuffers;
  /** Where a gradient share computed elsewhere is copied before it is added in. */
  private readonly stagingStart: number;
  private readonly staticEnd: number;
  private readonly constants: number[] = [];
  private capacity = 0;
  private input = 0;
  private buffers: StepBuffers[] = [];

  /** Use {@link createLenetEngine}. */
  constructor(plan: NetworkPlan, kernels: LenetKernels) {
    this.plan = plan;
    this.kernels = kernels;
    // The weight-shaped vectors, each padded to whole SIMD vectors with zeros that the updates keep zero.
    const vectorBytes = Math.ceil(plan.parameters / 4) * 4 * FLOAT;
    this.parameters = FIRST_FREE_BYTE;
    this.gradientsStart = this.parameters + vectorBytes;
    this.stepsStart = this.gradientsStart + vectorBytes;
    this.updateBuffers = {
      count: plan.parameters,
      weights: this.parameters,
      gradients: this.gradientsStart,
      stepSizes: this.stepsStart,
      first: this.stepsStart + vectorBytes,
      second: this.stepsStart + 2 * vectorBytes,
    };
    this.stagingStart = this.stepsStart + 3 * vectorBytes;
    let next = this.stagingStart + vectorBytes;
    const tables = plan.steps.map(constantTable);
    for (const table of tables) {
      this.constants.push(table === undefined ? 0 : next);
      next += (table?.length ?? 0) * FLOAT;
    }
    this.staticEnd = next;
    this.reserve(this.staticEnd);
    tables.forEach((table, index) => {
      const at = this.constants[index] ?? 0;
      if (table instanceof Int32Array) new Int32Array(kernels.memory.buffer, at, table.length).set(table);
      if (table instanceof Float32Array) new Float32Array(kernels.memory.buffer, at, table.length).set(table);
    });
  }

  /** Sets every trainable weight from a flat vector in `model.trainableWeights` order. */
  setWeights(weights: Float32Array): void {
    this.checkLength('setWeights', weights);
    new Float32Array(this.kernels.memory.buffer, this.parameters, this.plan.parameters).set(weights);
  }

  /** A copy of the weights the engine holds (after {@link LenetEngine.descend}, the updated ones), in `model.trainableWeights` order. */
  weights(): Float32Array {
    return new Float32Array(this.kernels.memory.buffer, this.parameters, this.plan.parameters).slice();
  }

  /** Sets the per-weight step sizes s of {@link LenetEngine.descend}, laid out as the weights. */
  setStepSizes(steps: Float32Array): void {
    this.checkLength('setStepSizes', steps);
    new Float32Array(this.kernels.memory.buffer, this.stepsStart, this.plan.parameters).set(steps);
  }

  /**
   * One training step on the weights the engine holds: the batch's mean-loss gradient g as
   * {@link LenetEngine.gradients} computes it, then `update` (default `diagonal`: `w <- w - s * g`
   * with the step sizes of {@link LenetEngine.setStepSizes}, SDLM's `eta / (mu + h_kk)`), in
   * WebAssembly SIMD, exactly as the tfjs optimiser of {@link EngineUpdate} would make it. No
   * copy of the weights or the gradient leaves the engine.
   *
   * @returns The batch's mean loss and correct read-outs before the step.
   */
  descend(batch: EngineBatch, criterion: EngineCriterion, update: EngineUpdate = DIAGONAL): { readonly loss: number; readonly correct: number } {
    const result = this.accumulateGradients(batch, criterion);
    runUpdate(this.kernels, update, this.updateBuffers);
    return result;
  }

  /**
   * Makes `update` on the weights the engine holds with a gradient computed elsewhere, laid out as
   * the weights: one vector, or the shares of a batch split across threads, each with the
   * fraction of the batch's images it covers, averaged as `g[i] = g[i] + share[i] * fraction`
   * share after share in float64, rounded to float32 after each (in WebAssembly SIMD).
   */
  applyUpdate(update: EngineUpdate, gradients: Float32Array | readonly GradientShare[]): void {
    const memory = this.kernels.memory.buffer;
    const count = this.plan.parameters;
    if (gradients instanceof Float32Array) {
      this.checkLength('applyUpdate', gradients);
      new Float32Array(memory, this.gradientsStart, count).set(gradients);
    } else {
      new Float32Array(memory, this.gradientsStart, count).fill(0);
      for (const share of gradients) {
        this.checkLength('applyUpdate', share.gradients);
        new Float32Array(memory, this.stagingStart, count).set(share.gradients);
        this.kernels.addScaledShare(count, this.gradientsStart, this.stagingStart, share.fraction);
      }
    }
    runUpdate(this.kernels, update, this.updateBuffers);
  }

  /**
   * Copies of the optimiser state the updates keep, laid out as the weights: `first` (momentum's
   * accumulation, Adam's first moment) and `second` (Adam's second moment). Both start at zero.
   */
  optimizerState(): { readonly first: Float32Array; readonly second: Float32Array } {
    const { count, first, second } = this.updateBuffers;
    const buffer = this.kernels.memory.buffer;
    return { first: new Float32Array(buffer, first, count).slice(), second: new Float32Array(buffer, second, count).slice() };
  }

  /** Sets the optimiser state of {@link LenetEngine.optimizerState}. */
  setOptimizerState(first: Float32Array, second: Float32Array): void {
    this.checkLength('setOptimizerState', first);
    this.checkLength('setOptimizerState', second);
    const buffer = this.kernels.memory.buffer;
    new Float32Array(buffer, this.updateBuffers.first, first.length).set(first);
    new Float32Array(buffer, this.updateBuffers.second, second.length).set(second);
  }

  private checkLength(method: string, values: Float32Array): void {
    if (values.length !== this.plan.parameters) throw new RangeError(`LenetEngine.${method}: expected ${String(this.plan.parameters)} values, got ${String(values.length)}.`);
  }

  /** The outputs (RBF distances or logits), `[count, 10]` row-major, for `count` images, computed in slices. */
  predict(pixels: Float32Array, size: number): Float32Array {
    const area = this.plan.inputSize * this.plan.inputSize;
    const count = this.checkBatch(pixels, size, Math.min(LenetEngine.sliceSize, pixels.length / area));
    const outputs = new Float32Array(count * 10);
    for (let start = 0; start < count; start += LenetEngine.sliceSize) {
      const end = Math.min(count, start + LenetEngine.sliceSize);
      this.forward(pixels.subarray(start * area, end * area), end - start);
      outputs.set(new Float32Array(this.kernels.memory.buffer, this.buffers.at(-1)?.output ?? 0, (end - start) * 10), start * 10);
    }
    return outputs;
  }

  /**
   * One forward and backward pass: the batch's mean loss, correct read-outs and gradient. The
   * batch runs in slices of {@link LenetEngine.sliceSize} images, so that every layer's
   * activations stay in the processor's caches; the gradients add up across slices.
   */
  gradients(batch: EngineBatch, criterion: EngineCriterion): EngineGradients {
    const { loss, correct } = this.accumulateGradients(batch, criterion);
    return { loss, correct, gradients: new Float32Array(this.kernels.memory.buffer, this.gradientsStart, this.plan.parameters).slice() };
  }

  /** The forward and backward passes of {@link LenetEngine.gradients}, leaving the gradient in the engine's memory. */
  private accumulateGradients(batch: EngineBatch, criterion: EngineCriterion): { loss: number; correct: number } {
    const area = this.plan.inputSize * this.plan.inputSize;
    const count = this.checkBatch(batch.pixels, batch.size, Math.min(LenetEngine.sliceSize, batch.labels.length));
    if (batch.labels.length !== count) throw new RangeError(`LenetEngine.gradients: ${String(count)} images but ${String(batch.labels.length)} labels.`);
    new Float32Array(this.kernels.memory.buffer, this.gradientsStart, this.plan.parameters).fill(0);
    let loss = 0;
    let correct = 0;
    for (let start = 0; start < count; start += LenetEngine.sliceSize) {
      const end = Math.min(count, start + LenetEngine.sliceSize);
      this.forward(batch.pixels.subarray(start * area, end * area), end - start);
      const memory = this.kernels.memory.buffer;
      const last = this.buffers.at(-1);
      const outputs = new Float32Array(memory, last?.output ?? 0, (end - start) * 10);
      const result = outputLoss(criterion, outputs, batch.labels.subarray(start, end), 10, new Float32Array(memory, last?.gradient ?? 0, (end - start) * 10), count);
      loss += result.loss;
      correct += result.correct;
      this.backward(end - start);
    }
    return { loss, correct };
  }

  private checkBatch(pixels: Float32Array, size: number, slice?: number): number {
    const area = this.plan.inputSize * this.plan.inputSize;
    if (size !== this.plan.inputSize || pixels.length % area !== 0) {
      throw new RangeError(`LenetEngine: expected ${String(this.plan.inputSize)}x${String(this.plan.inputSize)} images, got size ${String(size)} and ${String(pixels.length)} values.`);
    }
    const count = pixels.length / area;
    if ((slice ?? count) > this.capacity) this.layOut(slice ?? count);
    return count;
  }

  private reserve(bytes: number): void {
    const memory = this.kernels.memory;
    if (bytes > memory.buffer.byteLength) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
  }

  private layOut(capacity: number): void {
    let next = this.staticEnd;
    const take = (values: number, perImage = true): number => {
      const start = next;
      next += values * (perImage ? capacity : 1) * FLOAT;
      return start;
    };
    this.input = take(this.plan.inputSize * this.plan.inputSize);
    this.buffers = this.plan.steps.map((step, index) => ({
      output: take(mapElements(step.output)),
      gradient: take(mapElements(step.output)),
      scratch: scratchFor(step, take),
      constants: this.constants[index] ?? 0,
    }));
    this.reserve(next);
    this.capacity = capacity;
  }

  private forward(pixels: Float32Array, count: number, timer?: StepTimer): void {
    new Float32Array(this.kernels.memory.buffer, this.input, pixels.length).set(pixels);
    let x = this.input;
    this.plan.steps.forEach((step, index) => {
      const buffers = this.buffers[index];
      if (buffers === undefined) return;
      const input = x;
      const run = (): void => {
        forwardStep(this.kernels, step, count, input, buffers, this.parameters);
      };
      if (timer === undefined) run();
      else timer.forward(index, run);
      x = buffers.output;
    });
  }

  private backward(count: number, timer?: StepTimer): void {
    for (let index = this.plan.steps.length - 1; index >= 0; index -= 1) {
      const step = this.plan.steps[index];
      const buffers = this.buffers[index];
      if (step === undefined || buffers === undefined) continue;
      const previous = this.buffers[index - 1];
      const x = previous?.output ?? this.input;
      const firstWeights = (step.kind === 'convolution' || step.kind === 'dense') && step.firstLayer;
      const run = (withInputGradient: boolean): void => {
        backwardStep(this.kernels, step, count, x, buffers, withInputGradient && !firstWeights ? (previous?.gradient ?? 0) : 0, this.parameters, this.gradientsStart);
      };
      if (timer === undefined) run(true);
      else timer.backward(index, run, step.kind === 'convolution' && !firstWeights ? 'both' : step.kind === 'convolution' || step.kind === 'dense' ? 'weights' : 'input');
      if (firstWeights || previous === undefined) return;
    }
  }

  /**
   * Where one training step's time goes: per step of the plan, the time of its forward pass, of
   * its weight gradient and of its input gradient (a weighted step's backward pass is timed once
   * without and once with the input gradient; the difference is the input gradient's), and of the
   * update `w - s * g`, in milliseconds per batch, averaged over `rounds` steps after one warm-up;
   * with the multiply-adds each does and the machine's WebAssembly SIMD multiply-add peak. The
   * weights are left as they were.
   *
   * @param batch - The batch to time, as for {@link LenetEngine.gradients}.
   * @param criterion - The loss.
   * @param rounds - Steps to average over. Default 20.
   */
  profile(batch: EngineBatch, criterion: EngineCriterion, rounds = 20): EngineProfile {
    const area = this.plan.inputSize * this.plan.inputSize;
    const count = this.checkBatch(batch.pixels, batch.size, Math.min(LenetEngine.sliceSize, batch.labels.length));
    const saved = this.weights();
    const timer = new StepTimer(this.plan.steps.length);
    let update = 0;
    for (let round = 0; round <= rounds; round += 1) {
      if (round === 1) timer.reset();
      for (let start = 0; start < count; start += LenetEngine.sliceSize) {
        const end = Math.min(count, start + LenetEngine.sliceSize);
        this.forward(batch.pixels.subarray(start * area, end * area), end - start, timer);
        const memory = this.kernels.memory.buffer;
        const last = this.buffers.at(-1);
        outputLoss(criterion, new Float32Array(memory, last?.output ?? 0, (end - start) * 10), batch.labels.subarray(start, end), 10, new Float32Array(memory, last?.gradient ?? 0, (end - start) * 10), count);
        this.backward(end - start, timer);
      }
      const started = performance.now();
      runUpdate(this.kernels, DIAGONAL, this.updateBuffers);
      if (round > 0) update += performance.now() - started;
    }
    this.setWeights(saved);
    return {
      batch: count,
      steps: this.plan.steps.map((step, index) => ({ step: index, kind: step.kind, description: describeStep(step), ...timer.averages(index, rounds), ...multiplyAdds(step, count) })),
      updateMs: update / rounds,
      peakGflops: this.simdPeak(),
    };
  }

  /** The WebAssembly SIMD multiply-add rate of this machine, GFLOP/s (best of three runs of {@link LenetKernels.simdPeak}). */
  private simdPeak(): number {
    const iterations = 2_000_000;
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      this.kernels.simdPeak(iterations, run);
      best = Math.min(best, performance.now() - started);
    }
    return (iterations * 96) / (best / 1000) / 1e9;
  }
}

/** A step's constant table: a convolution's links grouped by input map, or the RBF's fixed codes. */
function constantTable(step: PlanStep): Int32Array | Float32Array | undefined {
  if (step.kind === 'convolution') return step.linksByInput;
  return step.kind === 'rbf' ? step.codes : undefined;
}

/** Per-step scratch: 2x2 sums or max-pool winners for the batch, or a convolution's products and transposed output gradient (see {@link convolutionScratch}). */
function scratchFor(step: PlanStep, take: (values: number, perImage?: boolean) => number): number {
  if (step.kind === 'subsampling' || step.kind === 'average-pool' || step.kind === 'max-pool') return take(mapElements(step.output));
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

function productsFloats(step: PlanStep & { kind: 'convolution' }): number {
  return step.firstLayer ? 0 : 25 * step.input.maps * (Math.ceil((step.output.height * step.output.width) / 4) * 4) + 8;
}

function forwardStep(kernels: LenetKernels, step: PlanStep, count: number, x: number, buffers: StepBuffers, parameters: number): void {
  const { input, output } = step;
  const y = buffers.output;
  switch (step.kind) {
    case 'convolution':
      kernels.convolutionForward(count, x, input.maps, input.height, input.width, y, output.maps, parameters + step.weight * FLOAT, step.tapStride, buffers.constants, step.links.length / 3, parameters + step.bias * FLOAT);
      return;
    case 'activation':
      kernels.activationForward(step.activation, count * mapElements(input), x, y);
      return;
    case 'subsampling':
      kernels.subsamplingForward(count, input.maps, input.height, input.width, x, buffers.scratch, parameters + step.coefficient * FLOAT, parameters + step.bias * FLOAT, 0, y);
      return;
    case 'average-pool':
      kernels.subsamplingForward(count, input.maps, input.height, input.width, x, buffers.scratch, 0, 0, 0.25, y);
      return;
    case 'max-pool':
      kernels.maxPoolForward(count, input.maps, input.height, input.width, x, buffers.scratch, y);
      return;
    case 'interleave':
      kernels.planarToInterleaved(count, input.maps, input.height * input.width, x, y);
      return;
    case 'dense':
      kernels.denseForward(count, x, mapElements(input), parameters + step.weight * FLOAT, parameters + step.bias * FLOAT, mapElements(output), y);
      return;
    case 'rbf':
      kernels.rbfForward(count, x, mapElements(input), buffers.constants, mapElements(output), y);
  }
}

function backwardStep(kernels: LenetKernels, step: PlanStep, count: number, x: number, buffers: StepBuffers, dx: number, parameters: number, gradients: number): void {
  const { input, output } = step;
  const dy = buffers.gradient;
  switch (step.kind) {
    case 'convolution': {
      const links = buffers.constants;
      const linkCount = step.links.length / 3;
      const weights = parameters + step.weight * FLOAT;
      if (weightGradientAsProduct(step)) {
        kernels.fullWeightGradients(count, x, input.maps, input.height, input.width, dy, output.maps, gradients + step.weight * FLOAT, gradients + step.bias * FLOAT, buffers.scratch + productsFloats(step) * FLOAT);
      } else {
        kernels.convolutionWeightGradients(count, x, input.maps, input.height, input.width, dy, output.maps, step.tapStride, links, linkCount, gradients + step.weight * FLOAT, gradients + step.bias * FLOAT);
      }
      if (dx !== 0) kernels.convolutionInputGradient(count, input.maps, input.height, input.width, dy, output.maps, weights, step.tapStride, links, linkCount, dx, buffers.scratch);
      return;
    }
    case 'activation':
      if (dx !== 0) kernels.activationBackward(step.activation, count * mapElements(input), buffers.output, dy, dx);
      return;
    case 'subsampling':
      kernels.subsamplingBackward(count, input.maps, input.height, input.width, buffers.scratch, dy, parameters + step.coefficient * FLOAT, 0, gradients + step.coefficient * FLOAT, gradients + step.bias * FLOAT, dx);
      return;
    case 'average-pool':
      if (dx !== 0) kernels.subsamplingBackward(count, input.maps, input.height, input.width, buffers.scratch, dy, 0, 0.25, 0, 0, dx);
      return;
    case 'max-pool':
      if (dx !== 0) kernels.maxPoolBackward(count, input.maps, input.height, input.width, buffers.scratch, dy, dx);
      return;
    case 'interleave':
      if (dx !== 0) kernels.interleavedToPlanar(count, input.maps, input.height * input.width, dy, dx);
      return;
    case 'dense':
      kernels.denseBackward(count, x, mapElements(input), parameters + step.weight * FLOAT, mapElements(output), dy, gradients + step.weight * FLOAT, gradients + step.bias * FLOAT, dx);
      return;
    case 'rbf':
      if (dx !== 0) kernels.rbfBackward(count, x, mapElements(input), buffers.constants, mapElements(output), dy, dx);
  }
}

/**
 * Why `model` cannot run on the LeNet engine, or undefined when it can. The engine runs
 * sequential models of square one-channel images built from 5x5 valid convolutions (Conv2D,
 * PartialConv2D), TrainableSubsampling2D, 2x2 average and max pooling, Flatten, Dense,
 * RbfOutput with fixed codes, and the linear, scaled tanh, tanh and ReLU activations: every
 * LeNet of @lenet/models.
 */
export function engineSupport(model: tf.LayersModel): string | undefined {
  try {
    planNetwork(model);
    return undefined;
  } catch (error) {
    if (error instanceof UnsupportedNetwork) return error.message;
    throw error;
  }
}

/**
 * A {@link LenetEngine} for `model`, holding a copy of its current weights. The engine does
 * not write back: copy its weights into the model (or apply its gradients with a tfjs
 * optimiser) yourself.
 *
 * @param model - A LeNet; see {@link engineSupport} for what the engine runs.
 * @returns The engine, or undefined when the engine cannot run this model.
 * @example
 * ```ts
 * const engine = await createLenetEngine(lenet5());
 * const { loss, gradients } = engine!.gradients({ pixels, size: 32, labels }, 'map');
 * ```
 */
export async function createLenetEngine(model: tf.LayersModel): Promise<LenetEngine | undefined> {
  if (engineSupport(model) !== undefined) return undefined;
  const engine = new LenetEngine(planNetwork(model), await instantiateLenetKernels());
  const weights = new Float32Array(engine.plan.parameters);
  let offset = 0;
  for (const weight of model.trainableWeights) {
    const values = weight.read().dataSync();
    weights.set(values, offset);
    offset += values.length;
  }
  engine.setWeights(weights);
  return engine;
}
