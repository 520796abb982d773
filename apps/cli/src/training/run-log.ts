import type { CurvatureSummary } from '@lenet/core';
import { appendFile } from 'node:fs/promises';

/** One completed epoch, as written to the run's `log.jsonl` and kept in its checkpoint. */
export interface EpochRecord {
  readonly type: 'epoch';
  /** From 1. */
  readonly epoch: number;
  readonly trainLoss: number;
  /** Fractions 0..1: the running training error of the epoch, and the test error after it. */
  readonly trainError: number;
  readonly testError: number;
  readonly learningRate: number;
  readonly seconds: number;
  readonly imagesPerSecond: number;
  /** SDLM only: the range of the curvature h_kk estimated before the epoch (absent when the epoch was resumed mid-way). */
  readonly curvature?: { readonly smallest: number; readonly largest: number };
}

/** The SDLM curvature estimated before a pass, logged when it is estimated (so a resumed pass keeps it in the log). */
export interface CurvatureRecord extends CurvatureSummary {
  readonly type: 'curvature';
  /** From 1. */
  readonly pass: number;
}

/** Appends one JSON record as a line to the run's log. */
export async function appendLogRecord(file: string, record: object): Promise<void> {
  await appendFile(file, `${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);
}
