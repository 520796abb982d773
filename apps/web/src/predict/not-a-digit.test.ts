import { setupBackend } from '@lenet/core';
import { loadModel } from '@lenet/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { findShippedModel } from '../models/shipped-models.js';
import {
  calibrationData,
  rejectionRates,
  type CalibrationData,
} from '../test-support/not-a-digit-rates.js';
import { NOT_A_DIGIT_THRESHOLDS } from './verdict.js';

const mnistFolder = process.env.LENET_TEST_MNIST_DIR;
if (mnistFolder === undefined)
  throw new Error('LENET_TEST_MNIST_DIR must name the folder holding the four MNIST .gz files.');

let data: CalibrationData;

beforeAll(async () => {
  await setupBackend();
  data = await calibrationData(mnistFolder);
});

// The rates measured by bench/not-a-digit.ts (README), less a margin for float rounding.
describe.each([
  { name: 'lenet5', nonDigits: 0.74 },
  { name: 'lenet5-modern', nonDigits: 0.88 },
  { name: 'lenet1', nonDigits: 0.7 },
])('the "not a digit" threshold of the shipped $name', ({ name, nonDigits }) => {
  it(`refuses about 2% of the MNIST test digits, at least ${nonDigits * 100}% of the non-digits and every dot, and reads the pad's digits`, async () => {
    const model = await loadModel(new URL(`../../public/models/${name}`, import.meta.url).pathname);
    const rates = rejectionRates(model, findShippedModel(name), NOT_A_DIGIT_THRESHOLDS[name], data);
    model.dispose();
    expect(rates.testRefused).toBeGreaterThanOrEqual(0.015);
    expect(rates.testRefused).toBeLessThanOrEqual(0.025);
    // What it refuses is where the model errs: the error on the digits it names drops.
    expect(rates.refusedMisread).toBeGreaterThan(0.2);
    expect(rates.acceptedError).toBeLessThan(0.012);
    expect(rates.nonDigitsRefused).toBeGreaterThanOrEqual(nonDigits);
    expect(rates.nonDigitsRefusedByKind.dot).toBe(1);
    expect(rates.padDigitsRead).toBe(1);
  });
});
