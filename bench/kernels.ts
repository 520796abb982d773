// Stock kernel against lenet's, one LeNet-5 shape at a time (best of 15 runs):
//   tsx --conditions=@lenet/source bench/kernels.ts [wasm|cpu] [batch]
// The evidence behind each kernel registerTrainingKernels() replaces.
import * as tf from '@tensorflow/tfjs';
import type { Tensor } from '@tensorflow/tfjs';
import { registerTrainingKernels, setupBackend, unregisterTrainingKernels } from '@lenet/core';

const backend = process.argv[2] === 'cpu' ? 'cpu' : 'wasm';
const batch = Number(process.argv[3] ?? 32);
await setupBackend({ backends: [backend] });

interface KernelCase {
  readonly name: string;
  readonly run: () => Tensor;
}

const convolution = { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC' };
const cases: KernelCase[] = [];
for (const [size, inChannels, outChannels] of [
  [32, 1, 6],
  [14, 6, 16],
  [5, 16, 120],
] as const) {
  const x = tf.randomUniform<tf.Rank.R4>([batch, size, size, inChannels]);
  const filter = tf.randomUniform<tf.Rank.R4>([5, 5, inChannels, outChannels]);
  const dy = tf.randomUniform([batch, size - 4, size - 4, outChannels]);
  const label = `${size}x${size}x${inChannels} -> ${outChannels}`;
  cases.push(
    {
      name: `Conv2DBackpropFilter ${label}`,
      run: () =>
        tf
          .engine()
          .runKernel<Tensor>(
            'Conv2DBackpropFilter',
            { x, dy },
            { ...convolution, filterShape: filter.shape },
          ),
    },
    {
      name: `Conv2DBackpropInput ${label}`,
      run: () =>
        tf
          .engine()
          .runKernel<Tensor>(
            'Conv2DBackpropInput',
            { dy, filter },
            { ...convolution, inputShape: x.shape },
          ),
    },
  );
}
for (const [size, channels] of [
  [28, 6],
  [10, 16],
] as const) {
  const x = tf.randomUniform([batch, size, size, channels]);
  const dy = tf.randomUniform([batch, size / 2, size / 2, channels]);
  cases.push(
    {
      name: `AvgPoolGrad ${size}x${size}x${channels}`,
      run: () =>
        tf
          .engine()
          .runKernel<Tensor>(
            'AvgPoolGrad',
            { dy, input: x },
            { filterSize: 2, strides: 2, pad: 'valid' },
          ),
    },
    { name: `Tanh ${size}x${size}x${channels}`, run: () => tf.tanh(x) },
    { name: `Sum to channels ${size}x${size}x${channels}`, run: () => tf.sum(x, [0, 1, 2]) },
  );
}
const dataset = tf.randomUniform([6000, 32, 32, 1]);
cases.push({
  name: `Slice ${batch} of 6000 images`,
  run: () => tf.slice(dataset, [1000, 0, 0, 0], [batch, -1, -1, -1]),
});

function bestOf(run: () => Tensor, repeats = 15): number {
  let best = Infinity;
  for (let repeat = 0; repeat < repeats; repeat++) {
    const started = performance.now();
    const output = run();
    output.dataSync();
    output.dispose();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const ours = cases.map((kernelCase) => bestOf(kernelCase.run));
unregisterTrainingKernels(backend);
const stock = cases.map((kernelCase) => {
  try {
    return bestOf(kernelCase.run);
  } catch {
    return Number.NaN;
  }
});
registerTrainingKernels(backend);
console.log(
  `| kernel on ${backend}, batch ${batch} | stock ms | lenet ms | speed-up |\n|---|---:|---:|---:|`,
);
cases.forEach((kernelCase, index) => {
  const stockTime = stock[index]!;
  const oursTime = ours[index]!;
  const speedUp = Number.isNaN(stockTime)
    ? 'stock missing'
    : `${(stockTime / oursTime).toFixed(1)}x`;
  console.log(
    `| ${kernelCase.name} | ${Number.isNaN(stockTime) ? '-' : stockTime.toFixed(3)} | ${oursTime.toFixed(3)} | ${speedUp} |`,
  );
});
