import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runLenet, testMnistFolder } from './run-lenet.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A run folder holding a modern LeNet-5 trained once for all CLI tests (about 91% accurate). */
    trainedModel: string;
  }
}

/**
 * Vitest global set-up: trains one small model with the built `lenet` binary for the tests
 * that need a trained model (predict, eval), instead of one per test file.
 */
export default function trainSharedModel(project: TestProject): void {
  const folder = join(mkdtempSync(join(tmpdir(), 'lenet-shared-model-')), 'run');
  const run = runLenet([
    'train',
    '--model',
    'lenet5-modern',
    '--limit',
    '6000',
    '--epochs',
    '2',
    '--learning-rate',
    '0.003',
    '--out',
    folder,
    '--folder',
    testMnistFolder(),
  ]);
  if (run.status !== 0)
    throw new Error(
      `Training the shared test model failed (exit ${String(run.status)}):\n${run.stderr}`,
    );
  project.provide('trainedModel', folder);
}
