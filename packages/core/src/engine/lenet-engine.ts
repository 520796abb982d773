import type { LenetKernels } from './lenet-kernels.js';
import {
  describeStep,
  multiplyAdds,
  simdPeakGflops,
  StepTimer,
  type EngineProfile,
} from './engine-profile.js';
import { PAGE, sliceLayout, staticLayout, type StaticLayout } from './engine-layout.js';
import { backwardStep, forwardStep, type StepBuffers } from './engine-steps.js';
import type { NetworkPlan } from './network-plan.js';
import { outputLoss, type EngineCriterion } from './output-loss.js';
import { runUpdate, type EngineUpdate, type UpdateBuffers } from './engine-update.js';
import { EngineInputError } from './engine-input-error.js';

const DIAGONAL: EngineUpdate = { rule: 'diagonal' };

/** A batch for the engine: `[count, size, size, 1]` row-major pixels, already scaled, and labels. */
export interface EngineBatch {
  readonly pixels: Float32Array;
  readonly size: number;
  /** One label per image, each below the model's class count (`plan.classes`). */
  readonly labels: Uint8Array;
}

/** One thread's share of a batch's gradient (see {@link LenetEngine.applyUpdate}). */
export interface GradientShare {
  /**
   * The share's mean-loss gradient, laid out like the weights; `'held'` (first share only): the
   * gradient that this engine's last {@link LenetEngine.computeGradients} left in its memory.
   */
  readonly gradients: Float32Array | 'held';
  /** The fraction of the batch's images the share covers. */
  readonly fraction: number;
}

/** The mean loss of a batch, its correct read-outs and the gradient, laid out like the weights. */
export interface EngineGradients {
  readonly loss: number;
  readonly correct: number;
  /** d(mean loss)/d(weight), concatenated in `model.trainableWeights` order (a fresh copy, or the target passed in). */
  readonly gradients: Float32Array;
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
  private readonly layout: StaticLayout;
  private readonly vectors: UpdateBuffers;
  private capacity = 0;
  private input = 0;
  private buffers: StepBuffers[] = [];
  /** Whether the gradient in memory is the last {@link LenetEngine.computeGradients}'s (no update has used the space since). */
  private gradientHeld = false;

  /** Use {@link createLenetEngine}. */
  constructor(plan: NetworkPlan, kernels: LenetKernels) {
    this.plan = plan;
    this.kernels = kernels;
    this.layout = staticLayout(plan);
    this.vectors = this.layout.vectors;
    this.reserve(this.layout.end);
    for (const { at, table } of this.layout.constants) {
      if (table instanceof Int32Array)
        new Int32Array(kernels.memory.buffer, at, table.length).set(table);
      if (table instanceof Float32Array)
        new Float32Array(kernels.memory.buffer, at, table.length).set(table);
    }
  }

  /** Sets every trainable weight from a flat vector in `model.trainableWeights` order. */
  setWeights(weights: Float32Array): void {
    this.checkLength('setWeights', weights);
    new Float32Array(this.kernels.memory.buffer, this.vectors.weights, this.plan.parameters).set(
      weights,
    );
  }

  /**
   * The weights the engine holds (after {@link LenetEngine.descend}, the updated ones), in
   * `model.trainableWeights` order: a fresh copy, or copied into `target` (as long as the weights).
   */
  weights(target?: Float32Array): Float32Array {
    const held = new Float32Array(
      this.kernels.memory.buffer,
      this.vectors.weights,
      this.plan.parameters,
    );
    if (target === undefined) return held.slice();
    this.checkLength('weights', target);
    target.set(held);
    return target;
  }

  /** Sets the per-weight step sizes s of {@link LenetEngine.descend}, laid out as the weights. */
  setStepSizes(steps: Float32Array): void {
    this.checkLength('setStepSizes', steps);
    new Float32Array(this.kernels.memory.buffer, this.vectors.stepSizes, this.plan.parameters).set(
      steps,
    );
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
  descend(
    batch: EngineBatch,
    criterion: EngineCriterion,
    update: EngineUpdate = DIAGONAL,
  ): { readonly loss: number; readonly correct: number } {
    const result = this.accumulateGradients(batch, criterion);
    this.gradientHeld = false;
    runUpdate(this.kernels, update, this.vectors);
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
    const summed = new Float32Array(memory, this.vectors.gradients, count);
    const staging = new Float32Array(memory, this.layout.staging, count);
    if (gradients instanceof Float32Array) {
      this.checkLength('applyUpdate', gradients);
      summed.set(gradients);
    } else {
      gradients.forEach((share, index) => {
        if (share.gradients !== 'held') this.checkLength('applyUpdate', share.gradients);
        else if (index > 0 || !this.gradientHeld)
          throw new EngineInputError(
            'applyUpdate',
            "a 'held' share must come first, after computeGradients().",
          );
      });
      // A held gradient is staged before the sum it is in starts from zero.
      if (gradients.length === 0) summed.fill(0);
      gradients.forEach((share, index) => {
        staging.set(share.gradients === 'held' ? summed : share.gradients);
        if (index === 0) summed.fill(0);
        this.kernels.addScaledShare(
          count,
          this.vectors.gradients,
          this.layout.staging,
          share.fraction,
        );
      });
    }
    this.gradientHeld = false;
    runUpdate(this.kernels, update, this.vectors);
  }

  /**
   * Copies of the optimiser state the updates keep, laid out as the weights: `first` (momentum's
   * accumulation, Adam's first moment) and `second` (Adam's second moment). Both start at zero.
   */
  optimizerState(): { readonly first: Float32Array; readonly second: Float32Array } {
    const { count, first, second } = this.vectors;
    const buffer = this.kernels.memory.buffer;
    return {
      first: new Float32Array(buffer, first, count).slice(),
      second: new Float32Array(buffer, second, count).slice(),
    };
  }

  /** Sets the optimiser state of {@link LenetEngine.optimizerState}. */
  setOptimizerState(first: Float32Array, second: Float32Array): void {
    this.checkLength('setOptimizerState', first);
    this.checkLength('setOptimizerState', second);
    const buffer = this.kernels.memory.buffer;
    new Float32Array(buffer, this.vectors.first, first.length).set(first);
    new Float32Array(buffer, this.vectors.second, second.length).set(second);
  }

  private checkLength(method: string, values: Float32Array): void {
    if (values.length !== this.plan.parameters)
      throw new EngineInputError(
        method,
        `expected ${String(this.plan.parameters)} values, got ${String(values.length)}.`,
      );
  }

  /**
   * The outputs (RBF distances or logits), `[count, classes]` row-major (`classes` =
   * `plan.classes`, the model's output width), for `count` images, computed in slices.
   */
  predict(pixels: Float32Array, size: number): Float32Array {
    const area = this.plan.inputSize * this.plan.inputSize;
    const { classes } = this.plan;
    const count = this.checkBatch(
      pixels,
      size,
      Math.min(LenetEngine.sliceSize, pixels.length / area),
    );
    const outputs = new Float32Array(count * classes);
    for (let start = 0; start < count; start += LenetEngine.sliceSize) {
      const end = Math.min(count, start + LenetEngine.sliceSize);
      this.forward(pixels.subarray(start * area, end * area), end - start);
      outputs.set(
        new Float32Array(
          this.kernels.memory.buffer,
          this.buffers.at(-1)?.output ?? 0,
          (end - start) * classes,
        ),
        start * classes,
      );
    }
    return outputs;
  }

  /**
   * One forward and backward pass: the batch's mean loss, correct read-outs and gradient. The
   * batch runs in slices of {@link LenetEngine.sliceSize} images, so that every layer's
   * activations stay in the processor's caches; the gradients add up across slices.
   *
   * @throws {@link EngineInputError} for images of another size, a label count other than the
   *   image count, or a label outside the model's classes (`plan.classes`).
   */
  gradients(
    batch: EngineBatch,
    criterion: EngineCriterion,
    target?: Float32Array,
  ): EngineGradients {
    if (target !== undefined) this.checkLength('gradients', target);
    const { loss, correct } = this.computeGradients(batch, criterion);
    const held = new Float32Array(
      this.kernels.memory.buffer,
      this.vectors.gradients,
      this.plan.parameters,
    );
    if (target === undefined) return { loss, correct, gradients: held.slice() };
    target.set(held);
    return { loss, correct, gradients: target };
  }

  /**
   * {@link LenetEngine.gradients} without a copy of the gradient: it stays in the engine, for an
   * {@link LenetEngine.applyUpdate} whose first share is `'held'`.
   */
  computeGradients(
    batch: EngineBatch,
    criterion: EngineCriterion,
  ): { readonly loss: number; readonly correct: number } {
    const result = this.accumulateGradients(batch, criterion);
    this.gradientHeld = true;
    return result;
  }

  /** The forward and backward passes of {@link LenetEngine.gradients}, leaving the gradient in the engine's memory; `timer` times each step. */
  private accumulateGradients(
    batch: EngineBatch,
    criterion: EngineCriterion,
    timer?: StepTimer,
  ): { loss: number; correct: number } {
    const area = this.plan.inputSize * this.plan.inputSize;
    const count = this.checkBatch(
      batch.pixels,
      batch.size,
      Math.min(LenetEngine.sliceSize, batch.labels.length),
    );
    if (batch.labels.length !== count)
      throw new EngineInputError(
        'gradients',
        `${String(count)} images but ${String(batch.labels.length)} labels: give one label per image.`,
      );
    const { classes } = this.plan;
    const outside = batch.labels.findIndex((label) => label >= classes);
    if (outside >= 0)
      throw new EngineInputError(
        'gradients',
        `label ${String(batch.labels[outside])} (image ${String(outside)}) is not one of the model's ${String(classes)} classes (0 to ${String(classes - 1)}): train a model with as many outputs as the data set has classes.`,
      );
    new Float32Array(this.kernels.memory.buffer, this.vectors.gradients, this.plan.parameters).fill(
      0,
    );
    let loss = 0;
    let correct = 0;
    for (let start = 0; start < count; start += LenetEngine.sliceSize) {
      const end = Math.min(count, start + LenetEngine.sliceSize);
      this.forward(batch.pixels.subarray(start * area, end * area), end - start, timer);
      const memory = this.kernels.memory.buffer;
      const last = this.buffers.at(-1);
      const outputs = new Float32Array(memory, last?.output ?? 0, (end - start) * classes);
      const result = outputLoss(
        criterion,
        outputs,
        batch.labels.subarray(start, end),
        classes,
        new Float32Array(memory, last?.gradient ?? 0, (end - start) * classes),
        count,
      );
      loss += result.loss;
      correct += result.correct;
      this.backward(end - start, timer);
    }
    return { loss, correct };
  }

  private checkBatch(pixels: Float32Array, size: number, slice?: number): number {
    const area = this.plan.inputSize * this.plan.inputSize;
    if (size !== this.plan.inputSize || pixels.length % area !== 0) {
      throw new EngineInputError(
        'batch',
        `expected ${String(this.plan.inputSize)}x${String(this.plan.inputSize)} images, got size ${String(size)} and ${String(pixels.length)} values.`,
      );
    }
    const count = pixels.length / area;
    if ((slice ?? count) > this.capacity) this.layOut(slice ?? count);
    return count;
  }

  private reserve(bytes: number): void {
    const memory = this.kernels.memory;
    if (bytes > memory.buffer.byteLength)
      memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
  }

  private layOut(capacity: number): void {
    const { input, buffers, end } = sliceLayout(this.plan, this.layout, capacity);
    this.input = input;
    this.buffers = buffers;
    this.reserve(end);
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
        forwardStep(this.kernels, step, count, input, buffers, this.vectors.weights);
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
      const firstWeights =
        (step.kind === 'convolution' || step.kind === 'dense') && step.firstLayer;
      const run = (withInputGradient: boolean): void => {
        backwardStep(
          this.kernels,
          step,
          count,
          x,
          buffers,
          withInputGradient && !firstWeights ? (previous?.gradient ?? 0) : 0,
          this.vectors.weights,
          this.vectors.gradients,
        );
      };
      if (timer === undefined) run(true);
      else
        timer.backward(
          index,
          run,
          step.kind === 'convolution' && !firstWeights
            ? 'both'
            : step.kind === 'convolution' || step.kind === 'dense'
              ? 'weights'
              : 'input',
        );
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
    const saved = this.weights();
    const timer = new StepTimer(this.plan.steps.length);
    const count = batch.labels.length;
    let update = 0;
    for (let round = 0; round <= rounds; round += 1) {
      if (round === 1) timer.reset();
      this.accumulateGradients(batch, criterion, timer);
      const started = performance.now();
      runUpdate(this.kernels, DIAGONAL, this.vectors);
      if (round > 0) update += performance.now() - started;
    }
    this.setWeights(saved);
    this.gradientHeld = false;
    return {
      batch: count,
      steps: this.plan.steps.map((step, index) => ({
        step: index,
        kind: step.kind,
        description: describeStep(step),
        ...timer.averages(index, rounds),
        ...multiplyAdds(step, count),
      })),
      updateMs: update / rounds,
      peakGflops: simdPeakGflops(this.kernels),
    };
  }
}
