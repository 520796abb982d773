import * as tf from '@tensorflow/tfjs';
import { paperEta } from '@lenet/core';
import { describe, expect, it } from 'vitest';
import { ModelOptionError } from '../model-option-error.js';
import { ResumableAdam } from '../training/resumable-adam.js';
import { createOptimizer, defaultLearningRate } from './create-optimizer.js';
import { findModelRecipe, type ModelRecipe } from './model-catalogue.js';

const lenet5 = findModelRecipe('lenet5') as ModelRecipe;

describe('createOptimizer', () => {
  it("starts SDLM from the paper's eta 0.0005 and scales the whole schedule with the learning rate", () => {
    expect(defaultLearningRate('sdlm')).toBe(0.0005);
    expect(defaultLearningRate('adam')).toBe(0.002);
    const model = lenet5.create(1);
    const paper = createOptimizer('sdlm', 0.0005, { model });
    const eighth = createOptimizer('sdlm', 0.0005 / 8, { model });
    expect([1, 2, 3, 6, 9, 13, 20].map((pass) => paper.passRate?.(pass))).toEqual(
      [1, 2, 3, 6, 9, 13, 20].map(paperEta),
    );
    expect(eighth.passRate?.(4)).toBeCloseTo(paperEta(4) / 8, 12);
    [paper, eighth].forEach(({ optimizer }) => {
      optimizer.dispose();
    });
    model.dispose();
  });

  it('makes Adam a ResumableAdam, momentum 0.9 and plain SGD, with no pass rate of their own', () => {
    const adam = createOptimizer('adam', 0.002);
    expect(adam.optimizer).toBeInstanceOf(ResumableAdam);
    expect(adam.passRate).toBeUndefined();
    expect(createOptimizer('momentum', 0.01).optimizer).toBeInstanceOf(tf.MomentumOptimizer);
    expect(createOptimizer('sgd', 0.01).optimizer).toBeInstanceOf(tf.SGDOptimizer);
  });

  it('refuses SDLM without the model it trains', () => {
    expect(() => createOptimizer('sdlm', 0.0005)).toThrow(ModelOptionError);
  });
});
