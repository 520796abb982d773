// The Node entry of @lenet/models: the browser entry's exports plus file-system IO and worker threads.
export {
  batchGradients,
  countConnections,
  createTrainer,
  criterionFor,
  criterionLoss,
  criterionOutput,
  DEFAULT_CLASSES,
  formatShape,
  formatSummary,
  LENET4_TABLE,
  lenet1,
  lenet4,
  lenet5,
  lenet5Modern,
  modelClasses,
  ModelOptionError,
  NonFiniteTrainingError,
  readTrainableWeights,
  resolveLenet5Options,
  ResumableAdam,
  summarize,
  TRAINING_CRITERIA,
} from './browser.js';
export type {
  BatchGradients,
  Lenet1Head,
  Lenet1Options,
  Lenet4Options,
  Lenet5C3,
  Lenet5Head,
  Lenet5Options,
  Lenet5Pooling,
  Lenet5Preset,
  NonFiniteStep,
  StepResult,
  Trainer,
  TrainerOptions,
  ModelActivation,
  ModelClassOptions,
  ModelSeedOptions,
  ModelSummary,
  ResolvedLenet5Options,
  SummaryRow,
  TrainingBatch,
  TrainingCriterion,
} from './browser.js';
// The training toolkit (browser-safe, from the browser entry).
export {
  batchesPerEpoch,
  createOptimizer,
  createTrainingPlan,
  CURVATURE_PATTERNS,
  curvatureSampleIndices,
  defaultLearningRate,
  epochOrder,
  estimatePassCurvature,
  evaluateModel,
  EVALUATION_BATCH_SIZE,
  findModelRecipe,
  inputSide,
  learningRateAt,
  learningRateOfBatch,
  mixSeed,
  MODEL_NAMES,
  MODEL_RECIPES,
  modelInputs,
  NonFiniteOutputError,
  OPTIMIZER_NAMES,
  placeDigits,
  POOL_COPIES,
  poolItemsOfEpoch,
  poolPatterns,
  PortableSdlm,
  recognizeModel,
  scaledInputs,
  SCHEDULE_NAMES,
  supportsClasses,
  trainEpoch,
  TRAINING_DEFAULTS,
} from './browser.js';
export type {
  BatchProgress,
  ClassCounts,
  EpochHooks,
  EpochOutcome,
  EvaluateOptions,
  Evaluation,
  InputPreparation,
  ModelInputs,
  ModelKind,
  ModelRecipe,
  OptimizerName,
  OptimizerOptions,
  PassContext,
  PassCurvatureContext,
  RecognizedModel,
  RecognizeModelOptions,
  ScheduledOptimizer,
  ScheduleName,
  TrainingDefaults,
  TrainingPlan,
  TrainingPlanOptions,
} from './browser.js';
export { fileSystemHandler } from './node/file-system-handler.js';
export type { LoadModelOptions } from './node/file-system-handler.js';
export { MODEL_FILE, WEIGHTS_FILE } from './node/model-files.js';
export { ModelFileError } from './node/model-file-error.js';
export { MANIFEST_FILE, writeFolderManifest } from './node/folder-manifest.js';
export type { FolderManifest, ManifestEntry, ManifestWeights } from './node/folder-manifest.js';
export { verifyFolderManifest } from './node/verify-folder-manifest.js';
export type { VerifiedFolder } from './node/verify-folder-manifest.js';
export { loadModel, saveModel } from './node/save-model.js';
export {
  createDataParallelTrainer,
  defaultTrainingThreads,
  shareSizes,
} from './node/data-parallel-trainer.js';
export type { DataParallelOptions, DataParallelTrainer } from './node/data-parallel-trainer.js';
export { TrainingWorkerError } from './node/training-worker-error.js';
export { WorkerStartError } from './node/worker-start-error.js';
export { WeightVectorError } from './training/weight-vector-error.js';
export { createParallelPredictor, MINIMUM_PREDICTION_SHARE } from './node/parallel-predictor.js';
export type { ParallelPredictor, ParallelPredictorOptions } from './node/parallel-predictor.js';
export { PredictionInputError } from './node/prediction-input-error.js';
export { PredictorDisposedError } from './node/predictor-disposed-error.js';
export { PredictorWorkerError } from './node/predictor-worker-error.js';
