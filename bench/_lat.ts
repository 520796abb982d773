import * as tf from '@tensorflow/tfjs';
import { setupBackend } from '@lenet/core';
import { benchModels } from './bench-models.ts';
await setupBackend({ backends: ['wasm'] });
for (const name of ['lenet5', 'lenet5-modern', 'lenet1'] as const) {
  const { build, size } = benchModels[name];
  const model = build();
  const x = tf.randomUniform([1, size, size, 1]);
  const layers = model.layers.filter((layer) => layer.getClassName() !== 'InputLayer');
  const direct = () => tf.tidy(() => (layers.reduce((t: tf.Tensor, layer) => layer.call(t, {}) as tf.Tensor, x)).dataSync());
  const predict = () => tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
  const a = predict(), b = direct();
  let maxDiff = 0; a.forEach((v, i) => { maxDiff = Math.max(maxDiff, Math.abs(v - b[i]!)); });
  for (const [label, f] of [['predict', predict], ['direct', direct], ['predict', predict], ['direct', direct]] as const) {
    for (let i = 0; i < 50; i++) f();
    const c0 = process.cpuUsage(); const t0 = performance.now();
    for (let i = 0; i < 500; i++) f();
    const c = process.cpuUsage(c0);
    console.log(name, label, 'wall ms', ((performance.now() - t0) / 500).toFixed(3), 'cpu ms', ((c.user + c.system) / 1000 / 500).toFixed(3), 'maxDiff', maxDiff);
  }
}
