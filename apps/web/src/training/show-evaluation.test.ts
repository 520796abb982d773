import { FASHION_MNIST } from '@lenet/data';
import type { Evaluation } from '@lenet/models';
import { describe, expect, it } from 'vitest';
import { trainedOnOf } from '../datasets/trained-on.js';
import { describeEvaluation } from './show-evaluation.js';

describe('describeEvaluation', () => {
  it('gives the test error and names the class most often wrong', () => {
    // Three of the ten classes: 2 of 4 'Pullover' wrong, 1 of 4 'T-shirt/top', no 'Trouser'.
    const confusion = new Int32Array(100);
    confusion.set([3, 0, 1], 0);
    confusion.set([0, 4, 0], 10);
    confusion.set([2, 0, 2], 20);
    const evaluation: Evaluation = {
      errorRate: 3 / 12,
      errors: 3,
      count: 12,
      predictions: new Uint8Array(12),
      misclassified: [3, 8, 9],
      classes: 10,
      confusion,
    };
    expect(
      describeEvaluation(evaluation, trainedOnOf(FASHION_MNIST, FASHION_MNIST.classNames ?? [])),
    ).toBe(
      'test error 25.00% on the 12 Fashion-MNIST test images; most often wrong: Pullover (50.0% of its images)',
    );
  });
});
