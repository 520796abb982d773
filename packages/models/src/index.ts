// The Node entry of @lenet/models: the browser entry's exports plus file-system IO.
export {
  countConnections,
  formatShape,
  formatSummary,
  LENET4_TABLE,
  lenet1,
  lenet4,
  lenet5,
  lenet5Modern,
  ModelOptionError,
  resolveLenet5Options,
  summarize,
} from './browser.js';
export type {
  Lenet5C3,
  Lenet5Head,
  Lenet5Options,
  Lenet5Pooling,
  Lenet5Preset,
  ModelActivation,
  ModelSeedOptions,
  ModelSummary,
  ResolvedLenet5Options,
  SummaryRow,
} from './browser.js';
export { fileSystemHandler, MODEL_FILE, ModelFileError, WEIGHTS_FILE } from './node/file-system-handler.js';
export { loadModel, saveModel } from './node/save-model.js';
