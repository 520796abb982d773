// Forward-pass and training throughput of the lenet models on the backend setupBackend()
// picks, with ratios measured in the same run. Usage: pnpm bench [backend, e.g. cpu]
import * as tf from '@tensorflow/tfjs';
import { setupBackend } from '@lenet/core';
import type { BackendName } from '@lenet/core';
import { lenet5 } from '../src/lenet5.js';
import {
  findModelRecipe,
  MODEL_RECIPES,
  type ModelRecipe,
} from '../src/toolkit/model-catalogue.js';
import { inputSide } from '../src/toolkit/model-inputs.js';
import { criterionFor, criterionLoss } from '../src/training/training-criterion.js';

interface Case {
  name: string;
  build: () => tf.LayersModel;
  size: number;
  loss: (labels: tf.Tensor, output: tf.Tensor) => tf.Scalar;
}

/** A catalogue model as the bench runs it: RBF heads train with the paper's MLE, logits with cross-entropy. */
function caseOf(recipe: ModelRecipe, name = recipe.name, build = () => recipe.create()): Case {
  return {
    name,
    build,
    size: inputSide(recipe.input),
    loss: criterionLoss(criterionFor('mle', recipe.output)),
  };
}

// Every model of the catalogue (the one `lenet train` and the web page use), lenet1 first as the
// baseline, and LeNet-5 with a full C3 to show what the C3 table saves.
const lenet1 = findModelRecipe('lenet1') as ModelRecipe;
const cases: Case[] = [
  caseOf(lenet1),
  ...MODEL_RECIPES.filter((recipe) => recipe !== lenet1).map((recipe) => caseOf(recipe)),
  caseOf(findModelRecipe('lenet5') as ModelRecipe, "lenet5 with c3: 'full'", () =>
    lenet5({ c3: 'full' }),
  ),
];

async function imagesPerSecond(run: () => Promise<unknown>, images: number): Promise<number> {
  await run();
  const start = performance.now();
  await run();
  return images / ((performance.now() - start) / 1000);
}

async function measure(testCase: Case): Promise<{ forward: number; training: number }> {
  const model = testCase.build();
  model.compile({ optimizer: tf.train.adam(1e-3), loss: testCase.loss });
  const images = tf.randomUniform([256, testCase.size, testCase.size, 1], -0.1, 1.175);
  const labels = tf.oneHot(tf.randomUniform([256], 0, 10, 'int32'), 10);
  const forward = await imagesPerSecond(async () => {
    const output = model.predict(images, { batchSize: 256 }) as tf.Tensor;
    await output.data();
    output.dispose();
  }, 256);
  const training = await imagesPerSecond(
    () => model.fit(images, labels, { batchSize: 32, epochs: 1 }),
    256,
  );
  tf.dispose([images, labels]);
  model.dispose();
  return { forward, training };
}

const requested = process.argv[2] as BackendName | undefined;
const setup = await setupBackend(requested === undefined ? {} : { backends: [requested] });
const rows: string[][] = [];
let baseline: { forward: number; training: number } | undefined;
for (const testCase of cases) {
  const result = await measure(testCase);
  baseline ??= result;
  rows.push([
    testCase.name,
    result.forward.toFixed(0),
    result.training.toFixed(0),
    (result.forward / baseline.forward).toFixed(2),
    (result.training / baseline.training).toFixed(2),
  ]);
}
const header = ['model', 'forward img/s', 'train img/s', 'forward vs lenet1', 'train vs lenet1'];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column]!.length)),
);
const line = (cells: string[]) =>
  cells
    .map((cell, column) =>
      column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
    )
    .join('  ');
console.log(
  `backend: ${setup.backend}${setup.backend === 'wasm' ? ` (simd ${setup.simd}, ${setup.threads} threads)` : ''}, batch 256 forward, 32 training`,
);
console.log(
  [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n'),
);
