// Where one training step of the LeNet engine spends its time, per layer and direction:
//   tsx --conditions=@lenet/source bench/engine-profile.ts [model] [batch] [rounds]
// Prints a Markdown table: per step of the engine's plan, the milliseconds per batch of its
// forward pass, weight gradient and input gradient, the GFLOP/s each achieves (2 per
// multiply-add) and their share of the machine's WebAssembly SIMD multiply-add peak; then the
// update and the totals.
import * as tf from '@tensorflow/tfjs';
import { createLenetEngine, setupBackend } from '@lenet/core';
import { benchModels } from './bench-models.ts';
import type { BenchModelName } from './bench-models.ts';

const [modelName = 'lenet5', batchText = '32', roundsText = '50'] = process.argv.slice(2);
const batch = Number(batchText);
await setupBackend({ backends: ['wasm'] });
const { build, size, criterion } = benchModels[modelName as BenchModelName];
const engine = await createLenetEngine(build());
if (engine === undefined) throw new Error(`the LeNet engine cannot run ${modelName}`);
const pixels = tf
  .randomUniform([batch, size, size, 1], -0.1, 1.175, 'float32', 1998)
  .dataSync() as Float32Array;
const labels = Uint8Array.from(tf.randomUniform([batch], 0, 10, 'int32', 1998).dataSync());
const profile = engine.profile({ pixels, size, labels }, criterion, Number(roundsText));

const gflops = (multiplyAdds: number, milliseconds: number): string =>
  multiplyAdds === 0 || milliseconds <= 0
    ? ''
    : ((2 * multiplyAdds) / (milliseconds / 1000) / 1e9).toFixed(2);
const share = (multiplyAdds: number, milliseconds: number): string =>
  multiplyAdds === 0 || milliseconds <= 0
    ? ''
    : `${((100 * (2 * multiplyAdds)) / (milliseconds / 1000) / 1e9 / profile.peakGflops).toFixed(0)}%`;
const total = profile.steps.reduce(
  (sum, step) => sum + step.forwardMs + step.weightGradientMs + step.inputGradientMs,
  profile.updateMs,
);
const rows = profile.steps
  .filter((step) => step.forwardMs + step.weightGradientMs + step.inputGradientMs > 0.001 * total)
  .flatMap((step) =>
    (
      [
        ['forward', step.forwardMs, step.forwardMultiplyAdds],
        ['weight gradient', step.weightGradientMs, step.weightGradientMultiplyAdds],
        ['input gradient', step.inputGradientMs, step.inputGradientMultiplyAdds],
      ] as const
    )
      .filter(([, milliseconds, multiplyAdds]) => milliseconds > 0.001 * total || multiplyAdds > 0)
      .map(([direction, milliseconds, multiplyAdds]) => [
        step.description,
        direction,
        milliseconds.toFixed(3),
        `${((100 * milliseconds) / total).toFixed(1)}%`,
        gflops(multiplyAdds, milliseconds),
        share(multiplyAdds, milliseconds),
      ]),
  );
rows.push([
  'update w - s * g',
  'update',
  profile.updateMs.toFixed(3),
  `${((100 * profile.updateMs) / total).toFixed(1)}%`,
  '',
  '',
]);
const header = ['step', 'direction', 'ms per batch', 'share of step', 'GFLOP/s', 'of peak'];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column]!.length)),
);
const line = (row: readonly string[]) =>
  `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
console.log(
  [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n'),
);
console.log(
  `${modelName}, batch ${String(profile.batch)}: ${total.toFixed(2)} ms a step (${((1000 * profile.batch) / total).toFixed(0)} images/s in one thread, timer overhead included); WebAssembly SIMD multiply-add peak of this machine ${profile.peakGflops.toFixed(1)} GFLOP/s (12 independent f32x4 multiply-add chains); medians are not taken: means of ${roundsText} steps.`,
);
