import { mergeConfig } from 'vitest/config';
import { lenetVitestConfig } from '../../vitest.shared.ts';

export default mergeConfig(lenetVitestConfig(import.meta.dirname), {
  // Each test runs the built binary, often training for a few seconds: generous limits, so a
  // busy machine does not fail a correct run.
  test: { globalSetup: ['src/test-support/train-shared-model.ts'], testTimeout: 300_000 },
});
