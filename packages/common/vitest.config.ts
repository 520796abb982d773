import { lenetVitestConfig } from '../../vitest.shared.ts';

export default lenetVitestConfig(import.meta.dirname);
