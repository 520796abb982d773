// One measurement in its own process, so that its peak memory is its own:
//   tsx --conditions=@lenet/source bench/measure.ts <model> <runtime> <train|infer> <batch> <images>
// <runtime> is a tfjs backend (tensorflow, wasm, cpu: tfjs's own training path with lenet's
// registered kernels) or engine-<threads> (the LeNet engine in <threads> threads: training through
// createDataParallelTrainer, the engine making the SGD update too; inference through
// createParallelPredictor). Mode sdlm trains per pattern with the paper's SDLM
// optimiser (its curvature estimated once, on 500 of the images). Prints one JSON line: images a second (wall clock,
// and per second of this process's CPU time, which a busy machine disturbs less), peak memory.
import * as tf from '@tensorflow/tfjs';
import { createChainPredictor, createSdlm, setupBackend } from '@lenet/core';
import type { BackendName } from '@lenet/core';
import { createDataParallelTrainer, createParallelPredictor } from '@lenet/models';
import { benchModels } from './bench-models.ts';
import type { BenchModelName } from './bench-models.ts';

const [modelName, runtime = 'wasm', mode, batchText, imagesText] = process.argv.slice(2);
const batch = Number(batchText);
const images = Number(imagesText);
const engineThreads = runtime.startsWith('engine-')
  ? Number(runtime.slice('engine-'.length))
  : undefined;
await setupBackend({ backends: [engineThreads === undefined ? (runtime as BackendName) : 'wasm'] });
const { build, size, loss, criterion } = benchModels[modelName as BenchModelName];
const model = build();
const inputs = tf.randomUniform([images, size, size, 1], -0.1, 1.175, 'float32', 1998);
const labels = tf.tidy(() => tf.randomUniform([images], 0, 10, 'int32', 1998));
const optimizer = mode === 'sdlm' ? sdlmFor(model) : tf.train.sgd(0.01);

function sdlmFor(network: tf.LayersModel): tf.Optimizer {
  const sdlm = createSdlm();
  const patterns = Math.min(500, images);
  const [sample, targets] = tf.tidy(() => [
    inputs.slice(0, patterns),
    tf.oneHot(labels.slice(0, patterns), 10).toFloat(),
  ]);
  sdlm.estimateCurvature(network, sample, targets);
  tf.dispose([sample, targets]);
  return sdlm;
}

/** One step on images [start, start + batch). */
type Step = (start: number) => Promise<void>;

function tfjsSteps(): Step {
  const oneHot = tf.tidy(() => tf.oneHot(labels, 10));
  const predict = createChainPredictor(model);
  if (mode === 'infer') {
    return (start) => {
      tf.tidy(() => predict(inputs.slice(start, batch)).dataSync());
      return Promise.resolve();
    };
  }
  return (start) => {
    tf.tidy(() => {
      const x = inputs.slice(start, batch);
      const y = oneHot.slice(start, batch);
      optimizer.minimize(() => loss(y, model.apply(x, { training: true }) as tf.Tensor), false);
    });
    return Promise.resolve();
  };
}

async function engineSteps(threads: number): Promise<Step> {
  const pixels = inputs.dataSync() as Float32Array;
  const labelValues = Uint8Array.from(labels.dataSync());
  const area = size * size;
  if (mode === 'infer') {
    // Batches too small to split (a single image too) run in the calling thread alone.
    const predictor = await createParallelPredictor(model, { threads });
    return async (start) => {
      await predictor.predict(pixels.subarray(start * area, (start + batch) * area), size);
    };
  }
  const trainer = await createDataParallelTrainer(model, { criterion, threads });
  if (trainer.kernels !== 'lenet')
    throw new Error(`the LeNet engine cannot run ${modelName}: ${trainer.fallbackReason ?? ''}`);
  return async (start) => {
    // Views of the data set, as PyTorch's reference takes its batches (the trainer copies what its workers need).
    await trainer.step(optimizer, {
      pixels: pixels.subarray(start * area, (start + batch) * area),
      size,
      labels: labelValues.subarray(start, start + batch),
    });
  };
}

const step = engineThreads === undefined ? tfjsSteps() : await engineSteps(engineThreads);

async function run(count: number): Promise<void> {
  for (let start = 0; start + batch <= count; start += batch) await step(start);
  tf.tidy(() => model.getWeights()[0]?.dataSync());
}

// Warm-up, so that the JIT has compiled the step: 300 single images, 10 batches, or 3 large ones.
await run(Math.min(images, batch * (batch === 1 ? 300 : batch <= 32 ? 10 : 3)));
const started = performance.now();
const cpuBefore = process.cpuUsage();
await run(images);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const measured = Math.floor(images / batch) * batch;
process.stdout.write(
  `${JSON.stringify({
    imagesPerSecond: measured / seconds,
    cpuImagesPerSecond: measured / ((cpu.user + cpu.system) / 1e6),
    peakMemoryBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
process.exit(0);
