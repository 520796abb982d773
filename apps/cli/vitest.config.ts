import { mergeConfig } from 'vitest/config';
import { lenetVitestConfig } from '../../vitest.shared.ts';

export default mergeConfig(lenetVitestConfig(import.meta.dirname), {
  test: { globalSetup: ['src/test-support/train-shared-model.ts'] },
});
