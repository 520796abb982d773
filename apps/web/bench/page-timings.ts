// Measures the web app's two targets in headless Chromium and prints them as a table:
// stroke-to-answer latency (target: under 16 ms) and LeNet-5 training throughput in the page
// against the same loop in Node (target: at least half). Not a test: nothing here gates CI.
// Run: pnpm --filter @lenet/web bench   (builds the app first; needs /usr/bin/chromium and MNIST)
import { build } from 'vite';
import { DIGIT_STROKES } from '../src/draw/digit-strokes.js';
import { openApp } from '../test/browser-page.js';
import { drawStrokes } from '../test/draw-strokes.js';
import { nodeImagesPerSecond } from '../test/node-throughput.js';

const trainedImages = 640;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((first, second) => first - second);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

await build({
  configFile: new URL('../vite.config.ts', import.meta.url).pathname,
  logLevel: 'warn',
});
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
]);
process.exit(0);
