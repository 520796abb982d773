import type { LearningCurvePoint } from './learning-curves-figure.js';

/**
 * Reads the records of a JSON-lines training log that carry an `epoch` and a
 * `trainError` (and optionally a `testError`), all numbers; other lines (progress,
 * settings, blank lines, malformed lines) are skipped, so logs of earlier runs work too.
 *
 * @param text - The log, one JSON object per line.
 * @returns The records in file order.
 */
export function parseTrainingLog(text: string): LearningCurvePoint[] {
  const points: LearningCurvePoint[] = [];
  for (const line of text.split('\n')) {
    const record = parseRecord(line.trim());
    if (record === undefined) continue;
    const { epoch, trainError, testError } = record;
    if (typeof epoch !== 'number' || typeof trainError !== 'number') continue;
    points.push(
      typeof testError === 'number' ? { epoch, trainError, testError } : { epoch, trainError },
    );
  }
  return points;
}

function parseRecord(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
