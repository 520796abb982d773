// The browser entry of @lenet/models: everything but the file-system IO of the Node entry.
// Save and load in the browser with tfjs's own handlers: model.save('indexeddb://lenet5'),
// model.save('downloads://lenet5'), tf.loadLayersModel('indexeddb://lenet5').
export { lenet1 } from './lenet1.js';
export type { Lenet1Head, Lenet1Options } from './lenet1.js';
export { LENET4_TABLE, lenet4 } from './lenet4.js';
export { lenet5, lenet5Modern } from './lenet5.js';
export { resolveLenet5Options } from './lenet5-options.js';
export type { Lenet5C3, Lenet5Head, Lenet5Options, Lenet5Pooling, Lenet5Preset, ResolvedLenet5Options } from './lenet5-options.js';
export type { ModelActivation, ModelSeedOptions } from './model-building-blocks.js';
export { countConnections } from './count-connections.js';
export { summarize } from './summarize.js';
export type { ModelSummary, SummaryRow } from './summarize.js';
export { formatShape, formatSummary } from './format-summary.js';
export { ModelOptionError } from './model-option-error.js';
export { batchGradients } from './training/batch-gradients.js';
export { createTrainer } from './training/create-trainer.js';
export { readTrainableWeights } from './training/flat-weights.js';
export { ResumableAdam } from './training/resumable-adam.js';
export type { StepResult, Trainer, TrainerOptions } from './training/create-trainer.js';
export type { BatchGradients, TrainingBatch } from './training/batch-gradients.js';
export { criterionFor, criterionLoss, criterionOutput, TRAINING_CRITERIA } from './training/training-criterion.js';
export type { TrainingCriterion } from './training/training-criterion.js';
