import { mergeConfig } from 'vitest/config';
import { lenetVitestConfig } from '../../vitest.shared.ts';

// The browser tests drive one built copy of the app in headless Chromium: the global set-up
// builds it once, and the files run one after another (each starts its own browser).
export default mergeConfig(lenetVitestConfig(import.meta.dirname), {
  test: {
    include: ['plugins/**/*.test.ts'],
    globalSetup: ['test/build-app.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
