import { describe, expect, it } from 'vitest';
import { classCountProblem, findTrainableModel, TRAINABLE_MODELS } from './trainable-models.js';

describe('TRAINABLE_MODELS', () => {
  it('offers the shipped models and LeNet-5 with the softmax head after the paper one', () => {
    expect(TRAINABLE_MODELS.map((model) => model.name)).toEqual([
      'lenet5',
      'lenet5-softmax',
      'lenet5-modern',
      'lenet1',
    ]);
    expect(findTrainableModel('lenet5-softmax').title).toBe('LeNet-5 (softmax head)');
    expect(findTrainableModel('no such model').name).toBe('lenet5');
  });
});

describe('classCountProblem', () => {
  it('has nothing to say of ten classes for any model, or of 3 for the softmax ones', () => {
    for (const model of TRAINABLE_MODELS)
      expect(classCountProblem(model, 10, 'MNIST')).toBeUndefined();
    expect(classCountProblem(findTrainableModel('lenet1'), 3, 'IDX files')).toBeUndefined();
  });

  it('says why the paper LeNet-5 cannot learn 3 classes and which models can', () => {
    expect(classCountProblem(findTrainableModel('lenet5'), 3, 'IDX files')).toBe(
      'LeNet-5 (paper) builds 10 classes only (its RBF codes are the ten digits), not the 3 of IDX files. Train LeNet-5 (softmax head), LeNet-5 (modern) or LeNet-1 on them instead.',
    );
  });

  it('says that one class is nothing to tell apart', () => {
    expect(classCountProblem(findTrainableModel('lenet1'), 1, 'IDX files')).toBe(
      'IDX files: 1 class; a classifier needs at least 2 classes to tell apart.',
    );
  });
});
