// Calibrates the page's "not a digit" reading on the shipped weights and prints it as tables:
// for each model, the threshold that refuses 1%, 2% or 3% of MNIST's test digits and the share
// of generated non-digits each refuses, then the rates of the thresholds the page uses
// (NOT_A_DIGIT_THRESHOLDS). Not a test: src/predict/not-a-digit.test.ts checks the rates.
// Run: pnpm --filter @lenet/web bench:not-a-digit   (needs MNIST in $LENET_TEST_MNIST_DIR)
import { setupBackend } from '@lenet/core';
import { loadModel } from '@lenet/models';
import { findShippedModel, SHIPPED_MODELS } from '../src/models/shipped-models.js';
import { NOT_A_DIGIT_THRESHOLDS } from '../src/predict/verdict.js';
import {
  calibrationData,
  rejectionRates,
  thresholdAt,
} from '../src/test-support/not-a-digit-rates.js';
import { scoreImages } from '../src/test-support/score-images.js';
import { mnistFolder } from '../test/static-server.js';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
await setupBackend();
const data = await calibrationData(mnistFolder());
const candidates = [];
const chosen = [];
for (const { name } of SHIPPED_MODELS) {
  const recipe = findShippedModel(name);
  const model = await loadModel(new URL(`../public/models/${name}`, import.meta.url).pathname);
  const read = scoreImages(model, recipe, data.test.images, data.test.count);
  for (const refused of [0.01, 0.02, 0.03]) {
    const threshold = thresholdAt(read, recipe.output, refused);
    const rates = rejectionRates(model, recipe, threshold, data);
    candidates.push({
      model: name,
      'test digits refused': percent(refused),
      threshold: `${threshold.statistic} ${threshold.value.toFixed(2)}`,
      'non-digits refused': percent(rates.nonDigitsRefused),
    });
  }
  const threshold = NOT_A_DIGIT_THRESHOLDS[name];
  const rates = rejectionRates(model, recipe, threshold, data);
  chosen.push({
    model: name,
    threshold: threshold === undefined ? 'none' : `${threshold.statistic} ${threshold.value}`,
    'test digits refused': percent(rates.testRefused),
    'of them misread': percent(rates.refusedMisread),
    'error on the rest': percent(rates.acceptedError),
    'non-digits refused': percent(rates.nonDigitsRefused),
    ...Object.fromEntries(
      Object.entries(rates.nonDigitsRefusedByKind).map(([kind, share]) => [kind, percent(share)]),
    ),
    'pad digits read': percent(rates.padDigitsRead),
    'tiny ones read': percent(rates.tinyDigitsRead),
  });
  model.dispose();
}
console.table(candidates);
console.table(chosen);
