import * as tf from '@tensorflow/tfjs';
import {
  supportsDiagonalStep,
  type EngineUpdate,
  type FlatSegment,
  type LenetEngine,
} from '@lenet/core';
import { ResumableAdam } from './resumable-adam.js';

/**
 * A tfjs optimiser whose updates the LeNet engine makes itself, on the weights it holds, bit for
 * bit as `optimizer.applyGradients` would: SDLM (any `DiagonalStep`), and exactly the classes
 * `tf.SGDOptimizer`, `tf.MomentumOptimizer`, `tf.AdamOptimizer` and {@link ResumableAdam} (a
 * subclass may update otherwise, so it keeps tfjs's path). While the engine holds the weights it
 * also holds the optimiser's state (momentum's accumulations, Adam's moments), which
 * {@link EngineOptimizer.store} writes back into the optimiser's own variables.
 */
export interface EngineOptimizer {
  readonly optimizer: tf.Optimizer;
  /** Moves the optimiser's state into the engine (when the engine takes hold of the weights). */
  load(engine: LenetEngine): void;
  /** The update of the next step, which it counts in the optimiser's `iterations`. */
  next(engine: LenetEngine): EngineUpdate;
  /** Writes the engine's state into the optimiser's variables (when the engine lets go). */
  store(engine: LenetEngine): void;
}

/** A state variable as tfjs's optimisers keep them, one per trainable weight in `applyGradients` order. */
interface SlotVariable {
  originalName: string;
  variable: tf.Variable;
}

// The fields of tfjs 4.22's optimisers (and of ResumableAdam) that the engine reads and writes.
interface SgdFields {
  c: tf.Scalar;
}
interface MomentumFields extends SgdFields {
  m: tf.Scalar;
  useNesterov: boolean;
  accumulations: (SlotVariable | undefined)[];
}
interface AdamFields {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: (SlotVariable | undefined)[];
  accumulatedSecondMoment: (SlotVariable | undefined)[];
}
interface ResumableAdamFields {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  moments: ({ first: tf.Variable; second: tf.Variable } | undefined)[];
}

const exactly = (
  optimizer: tf.Optimizer,
  type: abstract new (...args: never[]) => tf.Optimizer,
): boolean => Object.getPrototypeOf(optimizer) === type.prototype;
const countUpdate = (optimizer: tf.Optimizer): void => {
  (optimizer as unknown as { incrementIterations(): void }).incrementIterations();
};
const valueOf = (scalar: tf.Tensor): number => scalar.dataSync()[0] ?? 0;

/** The value of a scalar tensor, read again only when the optimiser replaces the tensor (`setLearningRate`). */
function cachedScalar(): (scalar: tf.Scalar) => number {
  let tensor: tf.Scalar | undefined;
  let value = 0;
  return (scalar) => {
    if (scalar !== tensor) value = valueOf(scalar);
    tensor = scalar;
    return value;
  };
}

/** The slots' values concatenated as the weights are (zeros where a slot does not exist yet). */
function gather(
  layout: readonly FlatSegment[],
  read: (index: number) => tf.Tensor | undefined,
): Float32Array {
  const values = new Float32Array(layout.reduce((sum, { size }) => sum + size, 0));
  let offset = 0;
  layout.forEach(({ size }, index) => {
    const tensor = read(index);
    if (tensor !== undefined) values.set(tensor.dataSync(), offset);
    offset += size;
  });
  return values;
}

/** Calls `write` with each weight's stretch of `vectors` (laid out as the weights) as tensors of its shape. */
function scatter<Vectors extends readonly Float32Array[]>(
  layout: readonly FlatSegment[],
  shapes: readonly number[][],
  vectors: Vectors,
  write: (index: number, values: { [K in keyof Vectors]: tf.Tensor }) => void,
): void {
  let offset = 0;
  layout.forEach(({ size }, index) => {
    tf.tidy(() => {
      write(
        index,
        vectors.map((vector) =>
          tf.tensor(vector.subarray(offset, offset + size), shapes[index]),
        ) as { [K in keyof Vectors]: tf.Tensor },
      );
    });
    offset += size;
  });
}

/** `slot` assigned `value`, or a new non-trainable variable named `name` holding it. */
function assignSlot(slot: SlotVariable | undefined, name: string, value: tf.Tensor): SlotVariable {
  if (slot !== undefined) {
    slot.variable.assign(value);
    return slot;
  }
  return { originalName: name, variable: tf.variable(value, false) };
}

/** Whether every existing slot has its weight's size (an optimiser used on other variables does not fit). */
function slotsFit(
  layout: readonly FlatSegment[],
  slots: readonly ({ size: number } | undefined)[],
): boolean {
  return (
    slots.length <= layout.length &&
    slots.every((slot, index) => slot === undefined || slot.size === layout[index]?.size)
  );
}

/**
 * The engine's side of `optimizer` for a model whose trainable weights are `layout` (names and
 * sizes in `model.trainableWeights` order) of `shapes`, or undefined when the engine cannot make
 * its updates (tfjs's path then makes them).
 */
export function engineOptimizer(
  optimizer: tf.Optimizer,
  layout: readonly FlatSegment[],
  shapes: readonly number[][],
): EngineOptimizer | undefined {
  if (supportsDiagonalStep(optimizer)) {
    let loaded: Float32Array | undefined;
    return {
      optimizer,
      load: () => {
        loaded = undefined;
      },
      next: (engine) => {
        const steps = optimizer.diagonalStepSizes(layout);
        if (steps !== loaded) engine.setStepSizes(steps);
        loaded = steps;
        optimizer.countUpdates(1);
        return { rule: 'diagonal' };
      },
      store: () => undefined,
    };
  }
  if (exactly(optimizer, tf.SGDOptimizer)) {
    const fields = optimizer as unknown as SgdFields;
    const rate = cachedScalar();
    return {
      optimizer,
      load: () => undefined,
      next: () => {
        countUpdate(optimizer);
        return { rule: 'sgd', learningRate: -rate(fields.c) };
      },
      store: () => undefined,
    };
  }
  if (exactly(optimizer, tf.MomentumOptimizer))
    return momentumSide(optimizer, optimizer as unknown as MomentumFields, layout, shapes);
  if (exactly(optimizer, tf.AdamOptimizer))
    return adamSide(optimizer, optimizer as unknown as AdamFields, layout, shapes);
  if (optimizer instanceof ResumableAdam && exactly(optimizer, ResumableAdam))
    return resumableAdamSide(
      optimizer,
      optimizer as unknown as ResumableAdamFields,
      layout,
      shapes,
    );
  return undefined;
}

function momentumSide(
  optimizer: tf.Optimizer,
  fields: MomentumFields,
  layout: readonly FlatSegment[],
  shapes: readonly number[][],
): EngineOptimizer | undefined {
  if (
    !slotsFit(
      layout,
      fields.accumulations.map((slot) => slot?.variable),
    )
  )
    return undefined;
  const rate = cachedScalar();
  const momentum = cachedScalar();
  return {
    optimizer,
    load: (engine) => {
      engine.setOptimizerState(
        gather(layout, (index) => fields.accumulations[index]?.variable),
        new Float32Array(engine.plan.parameters),
      );
    },
    next: () => {
      countUpdate(optimizer);
      return {
        rule: 'momentum',
        learningRate: -rate(fields.c),
        momentum: momentum(fields.m),
        nesterov: fields.useNesterov,
      };
    },
    store: (engine) => {
      scatter(layout, shapes, [engine.optimizerState().first] as const, (index, [accumulation]) => {
        fields.accumulations[index] = assignSlot(
          fields.accumulations[index],
          `${layout[index]?.name ?? ''}/momentum`,
          accumulation,
        );
      });
    },
  };
}

function adamSide(
  optimizer: tf.Optimizer,
  fields: AdamFields,
  layout: readonly FlatSegment[],
  shapes: readonly number[][],
): EngineOptimizer | undefined {
  const first = fields.accumulatedFirstMoment;
  const second = fields.accumulatedSecondMoment;
  if (
    !slotsFit(
      layout,
      first.map((slot) => slot?.variable),
    ) ||
    !slotsFit(
      layout,
      second.map((slot) => slot?.variable),
    )
  )
    return undefined;
  // beta1^t and beta2^t as tfjs keeps them: float32 products, one factor a step.
  let accBeta1 = 0;
  let accBeta2 = 0;
  return {
    optimizer,
    load: (engine) => {
      engine.setOptimizerState(
        gather(layout, (index) => first[index]?.variable),
        gather(layout, (index) => second[index]?.variable),
      );
      accBeta1 = valueOf(fields.accBeta1);
      accBeta2 = valueOf(fields.accBeta2);
    },
    next: () => {
      const update: EngineUpdate = {
        rule: 'adam',
        learningRate: fields.learningRate,
        beta1: fields.beta1,
        beta2: fields.beta2,
        epsilon: fields.epsilon,
        accBeta1,
        accBeta2,
      };
      accBeta1 = Math.fround(accBeta1 * Math.fround(fields.beta1));
      accBeta2 = Math.fround(accBeta2 * Math.fround(fields.beta2));
      countUpdate(optimizer);
      return update;
    },
    store: (engine) => {
      const { first: firstValues, second: secondValues } = engine.optimizerState();
      scatter(layout, shapes, [firstValues, secondValues] as const, (index, [m, v]) => {
        first[index] = assignSlot(first[index], `${layout[index]?.name ?? ''}/m`, m);
        second[index] = assignSlot(second[index], `${layout[index]?.name ?? ''}/v`, v);
      });
      tf.tidy(() => {
        fields.accBeta1.assign(tf.scalar(accBeta1));
        fields.accBeta2.assign(tf.scalar(accBeta2));
      });
    },
  };
}

function resumableAdamSide(
  optimizer: ResumableAdam,
  fields: ResumableAdamFields,
  layout: readonly FlatSegment[],
  shapes: readonly number[][],
): EngineOptimizer | undefined {
  const { moments } = fields;
  if (
    !slotsFit(
      layout,
      moments.map((slot) => slot?.first),
    )
  )
    return undefined;
  return {
    optimizer,
    load: (engine) => {
      engine.setOptimizerState(
        gather(layout, (index) => moments[index]?.first),
        gather(layout, (index) => moments[index]?.second),
      );
    },
    next: () => {
      const stepSize = optimizer.stepSize(optimizer.iterations + 1);
      countUpdate(optimizer);
      return {
        rule: 'adam-folded',
        stepSize,
        beta1: fields.beta1,
        beta2: fields.beta2,
        epsilon: fields.epsilon,
      };
    },
    store: (engine) => {
      const { first, second } = engine.optimizerState();
      scatter(layout, shapes, [first, second] as const, (index, [m, v]) => {
        const existing = moments[index];
        if (existing === undefined) {
          moments[index] = { first: tf.variable(m, false), second: tf.variable(v, false) };
        } else {
          existing.first.assign(m);
          existing.second.assign(v);
        }
      });
    },
  };
}
