// Where one training step's time goes, kernel by kernel:
//   tsx --conditions=@lenet/source bench/profile.ts <model> <backend> <batch>
import * as tf from '@tensorflow/tfjs';
import { setupBackend } from '@lenet/core';
import type { BackendName } from '@lenet/core';
import { benchModels } from './bench-models.ts';
import type { BenchModelName } from './bench-models.ts';

const [modelName = 'lenet5', backend = 'wasm', batchText = '32'] = process.argv.slice(2);
const batch = Number(batchText);
await setupBackend({ backends: [backend as BackendName] });
const { build, size, loss } = benchModels[modelName as BenchModelName];
const model = build();
const optimizer = tf.train.sgd(0.01);
const x = tf.randomUniform([batch, size, size, 1]);
const y = tf.tidy(() => tf.oneHot(tf.randomUniform([batch], 0, 10, 'int32'), 10));
const step = () => {
  optimizer.minimize(() => loss(y, model.apply(x, { training: true }) as tf.Tensor), false);
};
for (let warm = 0; warm < 3; warm++) step();
const totals = new Map<string, { milliseconds: number; calls: number }>();
const rounds = 5;
let wall = 0;
for (let round = 0; round < rounds; round++) {
  const started = performance.now();
  const profile = await tf.profile(step);
  wall += performance.now() - started;
  for (const kernel of profile.kernels) {
    const key = `${kernel.name} ${JSON.stringify(kernel.inputShapes)}`;
    const total = totals.get(key) ?? { milliseconds: 0, calls: 0 };
    total.milliseconds += Number(kernel.kernelTimeMs) / rounds;
    total.calls += 1 / rounds;
    totals.set(key, total);
  }
}
const sorted = [...totals].sort((a, b) => b[1].milliseconds - a[1].milliseconds);
const kernelTotal = sorted.reduce((sum, [, total]) => sum + total.milliseconds, 0);
console.log(
  `${modelName} on ${backend}, batch ${batch}: ${(wall / rounds).toFixed(2)} ms a step (profiled), kernels ${kernelTotal.toFixed(2)} ms, ${sorted.reduce((sum, [, t]) => sum + t.calls, 0).toFixed(0)} kernel calls`,
);
const byName = new Map<string, number>();
for (const [key, total] of sorted)
  byName.set(key.split(' ')[0]!, (byName.get(key.split(' ')[0]!) ?? 0) + total.milliseconds);
console.log(
  [...byName]
    .sort((a, b) => b[1] - a[1])
    .map(([name, milliseconds]) => `${name} ${milliseconds.toFixed(2)}`)
    .join(', '),
);
for (const [key, total] of sorted.slice(0, 25))
  console.log(
    `${total.milliseconds.toFixed(3).padStart(8)} ms  x${total.calls.toFixed(0).padEnd(3)} ${key}`,
  );
