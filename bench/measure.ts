// One measurement in its own process, so that its peak memory is its own:
//   tsx --conditions=@lenet/source bench/measure.ts <model> <backend> <train|infer> <batch> <images>
// Prints one JSON line: images a second (wall clock, and per second of this process's CPU
// time, which a busy machine disturbs less), peak memory, the kernels lenet registered.
import * as tf from '@tensorflow/tfjs';
import { createChainPredictor, setupBackend } from '@lenet/core';
import type { BackendName } from '@lenet/core';
import { benchModels } from './bench-models.ts';
import type { BenchModelName } from './bench-models.ts';

const [modelName, backend, mode, batchText, imagesText] = process.argv.slice(2);
const batch = Number(batchText);
const images = Number(imagesText);
const setup = await setupBackend({ backends: [backend as BackendName] });
const { build, size, loss } = benchModels[modelName as BenchModelName];
const model = build();
const optimizer = tf.train.sgd(0.01);
const inputs = tf.randomUniform([images, size, size, 1], -0.1, 1.175, 'float32', 1998);
const labels = tf.tidy(() => tf.oneHot(tf.randomUniform([images], 0, 10, 'int32', 1998), 10));

function trainStep(start: number): void {
  tf.tidy(() => {
    const x = inputs.slice(start, batch);
    const y = labels.slice(start, batch);
    optimizer.minimize(() => loss(y, model.apply(x, { training: true }) as tf.Tensor), false);
  });
}

const predict = createChainPredictor(model);

function inferStep(start: number): void {
  tf.tidy(() => predict(inputs.slice(start, batch)).dataSync());
}

function run(count: number): void {
  const step = mode === 'train' ? trainStep : inferStep;
  for (let start = 0; start + batch <= count; start += batch) step(start);
  tf.tidy(() => model.getWeights()[0]?.dataSync());
}

// Warm-up, so that the JIT has compiled the step: 300 single images, 10 batches, or 3 large ones.
run(Math.min(images, batch * (batch === 1 ? 300 : batch <= 32 ? 10 : 3)));
const started = performance.now();
const cpuBefore = process.cpuUsage();
run(images);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const measured = Math.floor(images / batch) * batch;
process.stdout.write(
  `${JSON.stringify({
    imagesPerSecond: measured / seconds,
    cpuImagesPerSecond: measured / ((cpu.user + cpu.system) / 1e6),
    peakMemoryBytes: process.resourceUsage().maxRSS * 1024,
    simd: setup.simd,
    kernels: setup.kernels.map((kernel) => kernel.kernelName),
  })}\n`,
);
