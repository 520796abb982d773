import * as tf from '@tensorflow/tfjs';
import type { NamedAttrMap, Tensor } from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupBackend } from '../backend/setup-backend.js';
import { expectClose, seededRandom, seededValues } from '../test-support/kernel-comparison.js';
import { registerTrainingKernels, unregisterTrainingKernels } from './register-training-kernels.js';

interface ConvolutionCase {
  readonly input: [number, number, number, number];
  readonly filter: [number, number, number, number];
  readonly strides: [number, number];
  readonly pad: 'valid' | 'same';
}

function randomCases(count: number): ConvolutionCase[] {
  const random = seededRandom(1998);
  const pick = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const cases: ConvolutionCase[] = [
    { input: [1, 32, 32, 1], filter: [5, 5, 1, 6], strides: [1, 1], pad: 'valid' },
    { input: [2, 14, 14, 6], filter: [5, 5, 6, 16], strides: [1, 1], pad: 'valid' },
    { input: [3, 5, 5, 16], filter: [5, 5, 16, 120], strides: [1, 1], pad: 'valid' },
  ];
  while (cases.length < count) {
    const kernelHeight = pick(1, 5);
    const kernelWidth = pick(1, 5);
    cases.push({
      input: [pick(1, 3), pick(kernelHeight, 12), pick(kernelWidth, 12), pick(1, 4)],
      filter: [kernelHeight, kernelWidth, 0, pick(1, 5)],
      strides: [pick(1, 3), pick(1, 3)],
      pad: random() < 0.5 ? 'valid' : 'same',
    });
    const last = cases[cases.length - 1]!;
    last.filter[2] = last.input[3];
  }
  return cases;
}

/** Runs both gradient kernels for `convolution` on the active backend and reads their outputs. */
function gradients(
  convolution: ConvolutionCase,
  seed: number,
): { filter: Float32Array; input: Float32Array } {
  const { input, filter, strides, pad } = convolution;
  const x = tf.tensor4d(seededValues(input, seed), input);
  const weights = tf.tensor4d(seededValues(filter, seed + 1), filter);
  const forward = tf.conv2d(x, weights, strides, pad);
  const dy = tf.tensor(seededValues(forward.shape, seed + 2), forward.shape);
  const attrs = { strides, pad, dataFormat: 'NHWC', dimRoundingMode: undefined };
  const filterGradient = tf.engine().runKernel<Tensor>('Conv2DBackpropFilter', { x, dy }, {
    ...attrs,
    filterShape: filter,
  } as unknown as NamedAttrMap);
  const inputGradient = tf
    .engine()
    .runKernel<Tensor>('Conv2DBackpropInput', { dy, filter: weights }, {
      ...attrs,
      inputShape: input,
    } as unknown as NamedAttrMap);
  const result = {
    filter: filterGradient.dataSync() as Float32Array,
    input: inputGradient.dataSync() as Float32Array,
  };
  tf.dispose([x, weights, forward, dy, filterGradient, inputGradient]);
  return result;
}

const cases = randomCases(24);

describe('convolution gradient kernels', () => {
  const reference = new Map<number, { filter: Float32Array; input: Float32Array }>();

  beforeAll(async () => {
    await setupBackend({ backends: ['cpu'] });
    unregisterTrainingKernels('cpu');
    cases.forEach((convolution, index) => reference.set(index, gradients(convolution, index * 3)));
  });

  afterAll(() => registerTrainingKernels('cpu'));

  // cpu keeps its stock input gradient (measured faster there), so only the filter gradient is ours.
  for (const [backend, checked] of [
    ['cpu', ['filter']],
    ['wasm', ['filter', 'input']],
  ] as const) {
    it.each(cases.map((convolution, index) => ({ ...convolution, index })))(
      `${checked.join(' and ')} gradients match the stock cpu kernels on ${backend} for input $input, filter $filter, strides $strides, $pad`,
      async ({ index, ...convolution }) => {
        await setupBackend({ backends: [backend] });
        const before = tf.memory().numTensors;
        const actual = gradients(convolution, index * 3);
        expect(tf.memory().numTensors).toBe(before);
        for (const gradient of checked)
          expectClose(actual[gradient], reference.get(index)![gradient]);
      },
    );
  }
});
