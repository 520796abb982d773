// `pnpm bench`: trains and runs LeNet-1, LeNet-5 (paper) and LeNet-5 (modern) on every
// available backend and, when `import torch` works, in PyTorch CPU, interleaved, one
// process per measurement; prints medians and ours/PyTorch ratios and writes
// bench/results/<date>.json. Options: --rounds N (3), --models a,b, --backends a,b,
// --modes train,infer, --torch-threads N (2), --quick (fewer images), --epoch (also one
// full MNIST-sized epoch of LeNet-5, 60,000 images at batch 32, for its peak memory).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchModelNames } from './bench-models.ts';
import { formatTable } from './format-table.ts';
import type { Measurement, Sample } from './format-table.ts';

const here = dirname(fileURLToPath(import.meta.url));
const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    models: { type: 'string', default: benchModelNames.join(',') },
    backends: { type: 'string' },
    modes: { type: 'string', default: 'train,infer' },
    'torch-threads': { type: 'string', default: '2' },
    quick: { type: 'boolean', default: false },
    epoch: { type: 'boolean', default: false },
  },
});

const batches = { train: [1, 32, 128], infer: [1, 32, 128, 1000] } as const;
/** Images per measurement, by mode and batch; the cpu backend, two orders of magnitude slower, gets a sixteenth. */
const imageCounts: Record<string, number> = { 'train/1': 128, 'train/32': 512, 'train/128': 1024, 'infer/1': 2000, 'infer/32': 1024, 'infer/128': 2048, 'infer/1000': 3000 };

function imagesFor(mode: string, batch: number, backend: string): number {
  const images = imageCounts[`${mode}/${batch}`]! / (options.quick ? 4 : 1) / (backend === 'cpu' ? 16 : 1);
  return Math.max(batch, Math.round(images / batch) * batch);
}

function findPython(): string | undefined {
  return ['python3', '/usr/bin/python3'].find((python) => spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0);
}

function availableBackends(): string[] {
  const found = spawnSync('node', ['-e', "import('@tensorflow/tfjs-node').then(() => process.exit(0), () => process.exit(1))"], { cwd: here, stdio: 'ignore' });
  return [...(found.status === 0 ? ['tensorflow'] : []), 'wasm', 'cpu'];
}

function runJson(command: string, args: string[]): Sample {
  const output = execFileSync(command, args, { cwd: join(here, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const line = output.trim().split('\n').pop()!;
  return JSON.parse(line) as Sample;
}

const python = findPython();
const backends = options.backends?.split(',') ?? availableBackends();
const measurements: Measurement[] = [];
for (const model of options.models.split(',')) {
  for (const mode of options.modes.split(',') as ('train' | 'infer')[]) {
    for (const batch of batches[mode]) {
      for (const backend of backends) measurements.push({ model, mode, batch, runtime: backend, images: imagesFor(mode, batch, backend), samples: [] });
      if (python !== undefined) measurements.push({ model, mode, batch, runtime: 'pytorch', images: imagesFor(mode, batch, 'pytorch'), samples: [] });
    }
  }
}

const rounds = Number(options.rounds);
const tsx = join(here, '..', 'node_modules', '.bin', 'tsx');
for (let round = 1; round <= rounds; round++) {
  for (const [index, measurement] of measurements.entries()) {
    const { model, mode, batch, runtime, images } = measurement;
    process.stderr.write(`\rround ${round}/${rounds}, measurement ${index + 1}/${measurements.length}: ${model} ${mode} batch ${batch} on ${runtime}      `);
    const args = [String(batch), String(images)];
    measurement.samples.push(
      runtime === 'pytorch'
        ? runJson(python!, [join(here, 'pytorch_lenet.py'), '--model', model, '--mode', mode, '--batch', args[0]!, '--images', args[1]!, '--threads', options['torch-threads']])
        : runJson(tsx, ['--conditions=@lenet/source', join(here, 'measure.ts'), model, runtime, mode, ...args]),
    );
  }
}
process.stderr.write('\n');

const table = formatTable(measurements);
console.log(table);
const environment = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverage: loadavg(), torchThreads: Number(options['torch-threads']), rounds };
if (python === undefined) console.log('PyTorch not found (python3 -c "import torch" failed, also with /usr/bin/python3): no ratios. On Debian: apt-get install python3-torch.');
console.log(`load average at the end: ${loadavg().map((load) => load.toFixed(2)).join(', ')} on ${cpus().length} cores`);
let epoch: Sample | undefined;
if (options.epoch) {
  process.stderr.write('one full epoch of LeNet-5 (60,000 images, batch 32)...\n');
  epoch = runJson(tsx, ['--conditions=@lenet/source', join(here, 'measure.ts'), 'lenet5', backends[0]!, 'train', '32', '60000']);
  console.log(`full epoch of LeNet-5 on ${backends[0]!}: ${epoch.imagesPerSecond.toFixed(0)} images/s, peak memory ${(epoch.peakMemoryBytes / 1024 / 1024).toFixed(0)} MiB`);
}
const resultsFolder = join(here, 'results');
mkdirSync(resultsFolder, { recursive: true });
const file = join(resultsFolder, `${environment.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ environment, measurements, epoch }, null, 2)}\n`);
console.log(`results: ${file}`);
