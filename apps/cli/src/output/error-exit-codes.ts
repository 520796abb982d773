import {
  BackendSetupError,
  EngineInputError,
  KernelBindingError,
  KernelFetchError,
  LayerArgumentError,
  MissingKernelError,
  NotAChainError,
  SdlmError,
  UnsupportedKernelInputError,
} from '@lenet/core';
import {
  ChecksumError,
  DataError,
  DatasetMismatchError,
  DatasetNotFoundError,
  DownloadError,
  IdxFormatError,
  TransformArgumentError,
} from '@lenet/data';
import {
  ModelFileError,
  ModelOptionError,
  NonFiniteOutputError,
  NonFiniteTrainingError,
  PredictionInputError,
  PredictorDisposedError,
  PredictorWorkerError,
  TrainingWorkerError,
  WeightVectorError,
  WorkerStartError,
} from '@lenet/models';
import { FigureInputError } from '@lenet/viz';
import { CheckpointError } from '../errors/checkpoint-error.js';
import { UsageError } from '../errors/usage-error.js';
import { ExitCode, type ExitCodeValue } from '../exit-codes.js';

/** An error class that tells its own errors apart (every lenet error class does). */
export interface RecognisedErrorClass {
  readonly name: string;
  isInstance(error: unknown): boolean;
}

/**
 * The exit code of every lenet error class, a subclass before its base (the first class whose
 * `isInstance` accepts an error gives its code). Classes mapped to `internal` are errors the
 * command's own use of the libraries should never meet: they are reported as bugs. The CLI's
 * README lists them; a test checks that every exported error class is here and there.
 */
export const exitCodeByErrorClass: readonly (readonly [RecognisedErrorClass, ExitCodeValue])[] = [
  [UsageError, ExitCode.usage],
  [ModelOptionError, ExitCode.usage],
  [PredictionInputError, ExitCode.usage],
  [SdlmError, ExitCode.usage],
  [BackendSetupError, ExitCode.usage],
  [TransformArgumentError, ExitCode.usage],
  [IdxFormatError, ExitCode.data],
  [ChecksumError, ExitCode.data],
  [DatasetMismatchError, ExitCode.data],
  [DownloadError, ExitCode.data],
  [DataError, ExitCode.data],
  [DatasetNotFoundError, ExitCode.data],
  [ModelFileError, ExitCode.model],
  [CheckpointError, ExitCode.model],
  [LayerArgumentError, ExitCode.model],
  [NonFiniteTrainingError, ExitCode.model],
  [NonFiniteOutputError, ExitCode.model],
  [TrainingWorkerError, ExitCode.internal],
  [PredictorWorkerError, ExitCode.internal],
  [PredictorDisposedError, ExitCode.internal],
  [MissingKernelError, ExitCode.internal],
  [UnsupportedKernelInputError, ExitCode.internal],
  [NotAChainError, ExitCode.internal],
  [FigureInputError, ExitCode.internal],
  [EngineInputError, ExitCode.internal],
  [KernelBindingError, ExitCode.internal],
  [KernelFetchError, ExitCode.internal],
  [WeightVectorError, ExitCode.internal],
  [WorkerStartError, ExitCode.internal],
];

/** The exit code of a lenet error: its class's, or `internal` for a class not in the table. */
export function exitCodeOf(error: unknown): ExitCodeValue {
  return (
    exitCodeByErrorClass.find(([errorClass]) => errorClass.isInstance(error))?.[1] ??
    ExitCode.internal
  );
}
