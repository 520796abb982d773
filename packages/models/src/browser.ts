// The browser entry of @lenet/models: everything but the file-system IO of the Node entry.
// Save and load in the browser with tfjs's own handlers: model.save('indexeddb://lenet5'),
// model.save('downloads://lenet5'), tf.loadLayersModel('indexeddb://lenet5').
export { lenet1 } from './lenet1.js';
export type { Lenet1Head, Lenet1Options } from './lenet1.js';
export { LENET4_TABLE, lenet4 } from './lenet4.js';
export type { Lenet4Options } from './lenet4.js';
export { DEFAULT_CLASSES, modelClasses } from './class-count.js';
export type { ModelClassOptions } from './class-count.js';
export { lenet5, lenet5Modern } from './lenet5.js';
export { resolveLenet5Options } from './lenet5-options.js';
export type {
  Lenet5C3,
  Lenet5Head,
  Lenet5Options,
  Lenet5Pooling,
  Lenet5Preset,
  ResolvedLenet5Options,
} from './lenet5-options.js';
export type { ModelActivation, ModelSeedOptions } from './model-building-blocks.js';
export { countConnections } from './count-connections.js';
export { summarize } from './summarize.js';
export type { ModelSummary, SummaryRow } from './summarize.js';
export { formatShape, formatSummary } from './format-summary.js';
export { ModelOptionError } from './model-option-error.js';
export { WeightVectorError } from './training/weight-vector-error.js';
export { NonFiniteTrainingError } from './training/non-finite-training-error.js';
export type { NonFiniteStep } from './training/non-finite-training-error.js';
export { batchGradients } from './training/batch-gradients.js';
export { createTrainer } from './training/create-trainer.js';
export { readTrainableWeights } from './training/flat-weights.js';
export { ResumableAdam } from './training/resumable-adam.js';
export type { StepResult, Trainer, TrainerOptions } from './training/create-trainer.js';
export type { BatchGradients, TrainingBatch } from './training/batch-gradients.js';
export {
  criterionFor,
  criterionLoss,
  criterionOutput,
  TRAINING_CRITERIA,
} from './training/training-criterion.js';
export type { TrainingCriterion } from './training/training-criterion.js';
// The training toolkit: the model catalogue, input preparation, evaluation, model recognition
// and the seeded epoch loop that `lenet train` and the web page share.
export {
  findModelRecipe,
  MODEL_NAMES,
  MODEL_RECIPES,
  supportsClasses,
} from './toolkit/model-catalogue.js';
export type {
  ClassCounts,
  InputPreparation,
  ModelKind,
  ModelRecipe,
} from './toolkit/model-catalogue.js';
export { inputSide, modelInputs, placeDigits, scaledInputs } from './toolkit/model-inputs.js';
export type { ModelInputs } from './toolkit/model-inputs.js';
export { EVALUATION_BATCH_SIZE, evaluateModel } from './toolkit/evaluate-model.js';
export type { EvaluateOptions, Evaluation } from './toolkit/evaluate-model.js';
export { NonFiniteOutputError } from './toolkit/non-finite-output-error.js';
export { recognizeModel } from './toolkit/recognize-model.js';
export type { RecognizedModel, RecognizeModelOptions } from './toolkit/recognize-model.js';
export { mixSeed } from './toolkit/mix-seed.js';
export { learningRateAt, SCHEDULE_NAMES } from './toolkit/learning-rate-schedule.js';
export type { ScheduleName } from './toolkit/learning-rate-schedule.js';
export {
  createOptimizer,
  defaultLearningRate,
  OPTIMIZER_NAMES,
} from './toolkit/create-optimizer.js';
export type {
  OptimizerName,
  OptimizerOptions,
  PassContext,
  ScheduledOptimizer,
} from './toolkit/create-optimizer.js';
export { PortableSdlm } from './toolkit/portable-sdlm.js';
export {
  CURVATURE_PATTERNS,
  curvatureSampleIndices,
  estimatePassCurvature,
} from './toolkit/pass-curvature.js';
export type { PassCurvatureContext } from './toolkit/pass-curvature.js';
export { POOL_COPIES, poolItemsOfEpoch, poolPatterns } from './toolkit/distortion-pool.js';
export { TRAINING_DEFAULTS } from './toolkit/training-defaults.js';
export type { TrainingDefaults } from './toolkit/training-defaults.js';
export {
  batchesPerEpoch,
  createTrainingPlan,
  epochOrder,
  learningRateOfBatch,
} from './toolkit/training-plan.js';
export type { TrainingPlan, TrainingPlanOptions } from './toolkit/training-plan.js';
export { trainEpoch } from './toolkit/train-epoch.js';
export type { BatchProgress, EpochHooks, EpochOutcome } from './toolkit/train-epoch.js';
