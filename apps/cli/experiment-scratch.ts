import { setupBackend } from '@lenet/core';
import { loadMnist } from '@lenet/data';
import { findModelRecipe } from './src/training/model-catalog.js';
import { createOptimizer } from './src/training/optimizers.js';
import { learningRateAt } from './src/training/learning-rate-schedule.js';
import { lossFunction } from './src/training/training-step.js';
import { trainEpoch, batchesPerEpoch } from './src/training/train-epoch.js';
import { evaluateModel } from './src/training/evaluate-model.js';
const [modelName = 'lenet5', lossName = 'map', lr = '0.001', bs = '32', epochs = '3', optName = 'adam', limit = '60000'] = process.argv.slice(2);
const setup = await setupBackend();
console.log(setup.backend, setup.simd);
const data = await loadMnist({ folder: process.env.LENET_TEST_MNIST_DIR });
const train = { ...data.train, count: Number(limit) };
const recipe = findModelRecipe(modelName)!;
const model = recipe.create();
const opt = createOptimizer(optName as 'adam', Number(lr));
const E = Number(epochs), B = Number(bs);
const batches = batchesPerEpoch(train.count, B);
const t0 = performance.now();
for (let epoch = 0; epoch < E; epoch++) {
  let lossSum = 0, correct = 0, n = 0; const te = performance.now();
  await trainEpoch({ model, recipe, optimizer: opt.optimizer, computeLoss: lossFunction(lossName as 'map', recipe.output), train, batchSize: B, seed: 1, distortions: false }, epoch, {
    onBatch: (p) => { lossSum += p.loss; correct += p.correct; n += Math.min(B, train.count - p.batch * B); opt.setLearningRate(learningRateAt('cosine', Number(lr), (epoch + (p.batch + 1) / batches) / E)); },
  });
  const ev = evaluateModel(model, recipe, data.test);
  const secs = (performance.now() - te) / 1000;
  console.log(`epoch ${epoch + 1} loss ${(lossSum / batches).toFixed(4)} train-err ${(100 - 100 * correct / n).toFixed(2)}% test-err ${(100 * ev.errorRate).toFixed(2)}% ${secs.toFixed(0)}s ${(train.count / secs).toFixed(0)} img/s`);
}
console.log('total', ((performance.now() - t0) / 1000).toFixed(0), 's');
