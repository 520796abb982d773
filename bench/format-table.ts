// Medians and the printed table of `pnpm bench`.

export interface Sample {
  readonly imagesPerSecond: number;
  readonly peakMemoryBytes: number;
}

export interface Measurement {
  readonly model: string;
  /** `sdlm`: per-pattern training with the paper's SDLM optimiser (batch 1), as `lenet train --optimizer sdlm` runs it. */
  readonly mode: 'train' | 'infer' | 'sdlm';
  readonly batch: number;
  /** A tfjs backend name, or `pytorch`. */
  readonly runtime: string;
  readonly images: number;
  readonly samples: Sample[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const mebibyte = 1024 * 1024;

function cells(measurement: Measurement, reference: Measurement | undefined): string[] {
  const speed = median(measurement.samples.map((sample) => sample.imagesPerSecond));
  const memory = median(measurement.samples.map((sample) => sample.peakMemoryBytes)) / mebibyte;
  const referenceSpeed =
    reference === undefined
      ? undefined
      : median(reference.samples.map((sample) => sample.imagesPerSecond));
  const latency = measurement.batch === 1 ? `${(1000 / speed).toFixed(2)} ms` : '';
  return [
    measurement.model,
    measurement.mode,
    String(measurement.batch),
    measurement.runtime,
    String(measurement.images),
    speed.toFixed(0),
    latency,
    memory.toFixed(0),
    referenceSpeed === undefined || measurement.runtime === 'pytorch'
      ? ''
      : `${(speed / referenceSpeed).toFixed(2)}x`,
  ];
}

/** A Markdown table: one row per measurement, with the ratio to PyTorch's median where it was measured. */
export function formatTable(measurements: readonly Measurement[]): string {
  const header = [
    'model',
    'mode',
    'batch',
    'runtime',
    'images',
    'images/s',
    'latency',
    'peak MiB',
    'ours/PyTorch',
  ];
  const rows = measurements.map((measurement) => {
    const reference = measurements.find(
      (other) =>
        other.runtime === 'pytorch' &&
        other.model === measurement.model &&
        other.mode === measurement.mode &&
        other.batch === measurement.batch,
    );
    return cells(measurement, reference);
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
