export { LenetError, LayerArgumentError } from './errors/index.js';
export type { LenetErrorOptions } from './errors/index.js';
export {
  SCALED_TANH_AMPLITUDE,
  SCALED_TANH_SLOPE,
  scaledTanh,
} from './activations/scaled-tanh-function.js';
export { ScaledTanh } from './activations/scaled-tanh.js';
export type { ScaledTanhLayerArgs } from './activations/scaled-tanh.js';
export { LENET_ACTIVATIONS, applyActivation, checkActivation } from './activations/activation.js';
export type { LenetActivation } from './activations/activation.js';
export { FanInUniform } from './initializers/fan-in-uniform.js';
export type { FanInUniformArgs, Initializer } from './initializers/fan-in-uniform.js';
export type { SerializedInitializer } from './initializers/initializer-config.js';
export { INITIALISATION_SCHEMES, schemeInitializer } from './initializers/initialisation-scheme.js';
export type { InitialisationScheme, ParameterRole } from './initializers/initialisation-scheme.js';
export { TrainableSubsampling2D } from './layers/trainable-subsampling-2d.js';
export type { TrainableSubsampling2DLayerArgs } from './layers/trainable-subsampling-2d.js';
export { PartialConv2D } from './layers/partial-conv-2d.js';
export type { PartialConv2DLayerArgs } from './layers/partial-conv-2d.js';
export {
  C3_TABLE,
  H3_TABLE,
  checkConnectionTable,
  connectionLinks,
  formatConnectionTable,
} from './layers/connection-table.js';
export type { ConnectionLink, ConnectionTable } from './layers/connection-table.js';
export { RbfOutput } from './layers/rbf-output.js';
export type { RbfOutputLayerArgs } from './layers/rbf-output.js';
export type { BaseLayerArgs, ConnectionCounting } from './layers/layer-support.js';
export { placeCodes } from './codes/place-codes.js';
export {
  DIGIT_BITMAPS,
  DIGIT_BITMAP_HEIGHT,
  DIGIT_BITMAP_WIDTH,
  DIGIT_CODES,
  bitmapToCode,
  formatCode,
} from './codes/digit-codes.js';
export {
  DEFAULT_MAP_CONSTANT,
  createRbfMapLoss,
  rbfMapLoss,
  rbfMleLoss,
  softmaxCrossEntropy,
} from './losses/rbf-losses.js';
export { readOut } from './readout/read-out.js';
export type { OutputKind, ReadOut } from './readout/read-out.js';
export { setupBackend } from './backend/setup-backend.js';
export type {
  BackendName,
  BackendSetup,
  SetupBackendOptions,
  WasmBinaryName,
} from './backend/setup-backend.js';
export { BackendSetupError } from './backend/backend-setup-error.js';
export type { BackendAttempt } from './backend/backend-setup-error.js';
export { createChainPredictor, NotAChainError } from './backend/chain-predictor.js';
export type { ChainPredictor } from './backend/chain-predictor.js';
export {
  registerTrainingKernels,
  unregisterTrainingKernels,
} from './kernels/register-training-kernels.js';
export type { RegisteredKernel } from './kernels/register-training-kernels.js';
export { MissingKernelError } from './kernels/missing-kernel-error.js';
export { UnsupportedKernelInputError } from './kernels/kernel-fallback.js';
export { PAPER_ETA_SCHEDULE, SDLM_MU, etaForPass, paperEta } from './optimizers/eta-schedule.js';
export type { EtaStage } from './optimizers/eta-schedule.js';
export { gaussNewtonDiagonal } from './optimizers/gauss-newton-diagonal.js';
export { criterionInputCurvature } from './optimizers/criterion-input-curvature.js';
export type { SdlmCriterion } from './optimizers/criterion-input-curvature.js';
export type { CurvatureMethod, GaussNewtonOptions } from './optimizers/gauss-newton-diagonal.js';
export { SdlmOptimizer, createSdlm } from './optimizers/sdlm-optimizer.js';
export type { CurvatureSummary, SdlmOptions } from './optimizers/sdlm-optimizer.js';
export { curvatureByLayer, spreadOf } from './optimizers/curvature-summary.js';
export type { LayerCurvature, Spread } from './optimizers/curvature-summary.js';
export { SdlmError } from './optimizers/sdlm-errors.js';
export { EngineInputError } from './engine/engine-input-error.js';
export { supportsDiagonalStep } from './optimizers/diagonal-step.js';
export type { DiagonalStep, FlatSegment } from './optimizers/diagonal-step.js';
export { createLenetEngine, engineSupport } from './engine/create-lenet-engine.js';
export { LenetEngine } from './engine/lenet-engine.js';
export type { EngineBatch, EngineGradients, GradientShare } from './engine/lenet-engine.js';
export type { EngineUpdate } from './engine/engine-update.js';
export type { EngineProfile, EngineStepProfile } from './engine/engine-profile.js';
export type { EngineCriterion } from './engine/output-loss.js';
export { KernelBindingError } from './engine/kernel-binding-error.js';
export { KernelFetchError } from './engine/kernel-fetch-error.js';
export type { KernelMismatch } from './engine/kernel-binding-error.js';
