// `pnpm bench`: trains and runs LeNet-1, LeNet-5 (paper) and LeNet-5 (modern) on the LeNet
// engine (1 and 2 threads) and every available tfjs backend and, when `import torch` works, in
// PyTorch CPU, interleaved, one process per measurement; prints medians and ours/PyTorch
// ratios and writes bench/results/<date>.json. Options: --rounds N (3), --models a,b,
// --runtimes a,b (engine-1, engine-2, tensorflow, wasm, cpu), --modes train,infer,sdlm (sdlm:
// per-pattern SDLM on the RBF models, on engine-1 only: one image is not split across threads),
// --torch-threads N (2), --quick (fewer images), --epoch (also one full MNIST-sized epoch of
// LeNet-5, 60,000 images at batch 32, on the first runtime, for its peak memory).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MINIMUM_PREDICTION_SHARE } from '@lenet/models';
import { benchModelNames, benchModels } from './bench-models.ts';
import type { BenchModelName } from './bench-models.ts';
import { formatTable } from './format-table.ts';
import type { Measurement, Sample } from './format-table.ts';

const here = dirname(fileURLToPath(import.meta.url));
// pnpm passes the `--` of `pnpm bench -- --rounds 5` through; it separates nothing here.
const { values: options } = parseArgs({
  args: process.argv.slice(2).filter((argument) => argument !== '--'),
  options: {
    rounds: { type: 'string', default: '3' },
    models: { type: 'string', default: benchModelNames.join(',') },
    runtimes: { type: 'string' },
    modes: { type: 'string', default: 'train,infer,sdlm' },
    'torch-threads': { type: 'string', default: '2' },
    quick: { type: 'boolean', default: false },
    epoch: { type: 'boolean', default: false },
  },
});

const batches = { train: [1, 32, 128], infer: [1, 32, 128, 1000], sdlm: [1] } as const;
/** Images per measurement, by mode and batch; the cpu backend, two orders of magnitude slower, gets a sixteenth. */
const imageCounts: Record<string, number> = {
  'sdlm/1': 4096,
  'train/1': 512,
  'train/32': 4096,
  'train/128': 8192,
  'infer/1': 2000,
  'infer/32': 4096,
  'infer/128': 8192,
  'infer/1000': 10000,
};

function imagesFor(mode: string, batch: number, backend: string): number {
  const images =
    imageCounts[`${mode}/${batch}`]! / (options.quick ? 4 : 1) / (backend === 'cpu' ? 16 : 1);
  return Math.max(batch, Math.round(images / batch) * batch);
}

function findPython(): string | undefined {
  return ['python3', '/usr/bin/python3'].find(
    (python) => spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0,
  );
}

function availableRuntimes(): string[] {
  const found = spawnSync(
    'node',
    ['-e', "import('@tensorflow/tfjs-node').then(() => process.exit(0), () => process.exit(1))"],
    { cwd: here, stdio: 'ignore' },
  );
  return ['engine-1', 'engine-2', ...(found.status === 0 ? ['tensorflow'] : []), 'wasm', 'cpu'];
}

function runJson(command: string, args: string[]): Sample {
  const output = execFileSync(command, args, {
    cwd: join(here, '..'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const line = output.trim().split('\n').pop()!;
  return JSON.parse(line) as Sample;
}

const python = findPython();
const runtimes = options.runtimes?.split(',') ?? availableRuntimes();
const measurements: Measurement[] = [];
for (const model of options.models.split(',')) {
  for (const mode of options.modes.split(',') as ('train' | 'infer' | 'sdlm')[]) {
    // SDLM needs an RBF output; PyTorch has no SDLM to compare with.
    if (mode === 'sdlm' && benchModels[model as BenchModelName].criterion === 'cross-entropy')
      continue;
    for (const batch of batches[mode]) {
      for (const runtime of runtimes) {
        if (mode === 'sdlm' && runtime !== 'engine-1') continue;
        measurements.push({
          model,
          mode,
          batch,
          runtime,
          images: imagesFor(mode, batch, runtime),
          samples: [],
        });
      }
      if (python !== undefined && mode !== 'sdlm')
        measurements.push({
          model,
          mode,
          batch,
          runtime: 'pytorch',
          images: imagesFor(mode, batch, 'pytorch'),
          samples: [],
        });
    }
  }
}

const rounds = Number(options.rounds);
const tsx = join(here, '..', 'node_modules', '.bin', 'tsx');
for (let round = 1; round <= rounds; round++) {
  for (const [index, measurement] of measurements.entries()) {
    const { model, mode, batch, runtime, images } = measurement;
    process.stderr.write(
      `\rround ${round}/${rounds}, measurement ${index + 1}/${measurements.length}: ${model} ${mode} batch ${batch} on ${runtime}      `,
    );
    const args = [String(batch), String(images)];
    measurement.samples.push(
      runtime === 'pytorch'
        ? runJson(python!, [
            join(here, 'pytorch_lenet.py'),
            '--model',
            model,
            '--mode',
            mode,
            '--batch',
            args[0]!,
            '--images',
            args[1]!,
            '--threads',
            options['torch-threads'],
          ])
        : runJson(tsx, [
            '--conditions=@lenet/source',
            join(here, 'measure.ts'),
            model,
            runtime,
            mode,
            ...args,
          ]),
    );
  }
}
process.stderr.write('\n');

const table = formatTable(measurements);
console.log(table);
console.log(
  `engine-N: the LeNet engine (WebAssembly SIMD, @lenet/core) in N threads, training through createDataParallelTrainer (mode sdlm: with the paper's SDLM optimiser, one update per image) and inferring through createParallelPredictor (batches below ${2 * MINIMUM_PREDICTION_SHARE} images in the calling thread alone); wasm, cpu, tensorflow: tfjs's training path on that backend with lenet's registered kernels; pytorch: PyTorch CPU in ${options['torch-threads']} threads. Medians of ${options.rounds} interleaved rounds.`,
);
const environment = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  loadAverage: loadavg(),
  torchThreads: Number(options['torch-threads']),
  rounds,
};
if (python === undefined)
  console.log(
    'PyTorch not found (python3 -c "import torch" failed, also with /usr/bin/python3): no ratios. On Debian: apt-get install python3-torch.',
  );
console.log(
  `load average at the end: ${loadavg()
    .map((load) => load.toFixed(2))
    .join(', ')} on ${cpus().length} cores`,
);
let epoch: Sample | undefined;
if (options.epoch) {
  process.stderr.write('one full epoch of LeNet-5 (60,000 images, batch 32)...\n');
  epoch = runJson(tsx, [
    '--conditions=@lenet/source',
    join(here, 'measure.ts'),
    'lenet5',
    runtimes[0]!,
    'train',
    '32',
    '60000',
  ]);
  console.log(
    `full epoch of LeNet-5 on ${runtimes[0]!}: ${epoch.imagesPerSecond.toFixed(0)} images/s, peak memory ${(epoch.peakMemoryBytes / 1024 / 1024).toFixed(0)} MiB`,
  );
}
const resultsFolder = join(here, 'results');
mkdirSync(resultsFolder, { recursive: true });
const file = join(resultsFolder, `${environment.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ environment, measurements, epoch }, null, 2)}\n`);
console.log(`results: ${file}`);
