// Measures the web app's targets and prints them as a table (the README's "Measured"): the
// stroke-to-answer latency in headless Chromium (target: under 16 ms), LeNet-5 training
// throughput in the page against the same loop in Node (target: at least half), and what the
// built site sends, gzipped (first load target: under 1.5 MB). Not a test: nothing here gates CI.
// Run: pnpm --filter @lenet/web bench   (builds the app first, as the README says; needs /usr/bin/chromium and MNIST)
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DIGIT_STROKES } from '../src/draw/digit-strokes.js';
import { openApp } from '../test/browser-page.js';
import { buildAsTheReadmeSays } from '../test/build-app.js';
import { drawStrokes } from '../test/draw-strokes.js';
import { nodeImagesPerSecond } from '../test/node-throughput.js';

const trainedImages = 640;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((first, second) => first - second);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The gzipped size in KB of the built files whose paths (under dist/) match `pattern`. */
function gzipKilobytes(pattern: RegExp): number {
  const dist = new URL('../dist/', import.meta.url);
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) =>
    pattern.test(file),
  );
  const bytes = files.reduce(
    (total, file) => total + gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length,
    0,
  );
  return bytes / 1000;
}

buildAsTheReadmeSays();
const sizes = {
  javascript: gzipKilobytes(/^assets\/.*\.js$/),
  simdBinary: gzipKilobytes(/^wasm\/tfjs-backend-wasm-simd\.wasm$/),
  kernels: gzipKilobytes(/^assets\/lenet-kernels-.*\.wasm$/),
  htmlAndCss: gzipKilobytes(/^(index\.html|assets\/.*\.css)$/),
  weights: gzipKilobytes(/^models\/lenet5\/weights\.bin$/),
  modelJson: gzipKilobytes(/^models\/lenet5\/model\.json$/),
};
const kilobytes = (value: number) => `${value.toFixed(1)} KB`;
const app = await openApp();
const latencies: number[] = [];
for (let round = 0; round < 3; round += 1) {
  for (const strokes of DIGIT_STROKES) {
    await app.page.click('#clear');
    await drawStrokes(app.page, strokes);
    latencies.push(Number(await app.page.getAttribute('#latency', 'data-milliseconds')));
  }
}
await app.page.selectOption('#train-model', 'lenet5');
await app.page.fill('#train-limit', String(trainedImages));
await app.page.click('#train-start');
await app.page.waitForSelector('#train-status[data-state="done"]', { timeout: 600_000 });
const pageSpeed = Number(await app.page.getAttribute('#train-status', 'data-images-per-second'));
await app.close();
const node = await nodeImagesPerSecond('lenet5', trainedImages);

console.table([
  {
    measure: 'stroke to prediction + activations, median ms',
    value: median(latencies).toFixed(1),
    target: '< 16',
  },
  {
    measure: 'stroke to prediction + activations, max ms',
    value: Math.max(...latencies).toFixed(1),
    target: '',
  },
  { measure: 'LeNet-5 training in the page, images/s', value: pageSpeed.toFixed(0), target: '' },
  {
    measure: `LeNet-5 training in Node (${node.backend}), images/s`,
    value: node.imagesPerSecond.toFixed(0),
    target: '',
  },
  {
    measure: 'page / Node',
    value: (pageSpeed / node.imagesPerSecond).toFixed(2),
    target: '>= 0.5',
  },
  {
    measure: 'first load, JavaScript + SIMD binary, gzip',
    value: `${kilobytes(sizes.javascript + sizes.simdBinary)} (JS ${kilobytes(sizes.javascript)} + SIMD binary ${kilobytes(sizes.simdBinary)})`,
    target: '< 1,500 KB',
  },
  { measure: 'HTML + CSS, gzip', value: kilobytes(sizes.htmlAndCss), target: '' },
  {
    measure: 'LeNet kernels (fetched when training starts), gzip',
    value: kilobytes(sizes.kernels),
    target: '',
  },
  {
    measure: 'default weights (LeNet-5), gzip',
    value: `${kilobytes(sizes.weights)} weights.bin + ${kilobytes(sizes.modelJson)} model.json`,
    target: '',
  },
]);
process.exit(0);
