import type { NonFiniteTrainingError } from '@lenet/models';
import { CheckpointError } from '../errors/checkpoint-error.js';
import { holdsRun } from './prepare-run-folder.js';
import type { TrainingRequest } from './run-training.js';

/**
 * What a run stopped by a NaN or infinite loss, gradient or optimiser state says on the command
 * line: where, what, that the step was not applied, what is kept, and what to do with lenet's
 * flags (a resumed run keeps its learning rate, so a lower one is a new run).
 */
export async function divergedRun(
  request: TrainingRequest,
  error: NonFiniteTrainingError,
): Promise<CheckpointError> {
  const where =
    error.epoch === undefined || error.batch === undefined
      ? 'at its first step'
      : `at epoch ${String(error.epoch + 1)}, batch ${String(error.batch + 1)}`;
  const what =
    error.quantity === 'loss'
      ? `the loss is ${String(error.value)}`
      : `${error.quantity === 'gradient' ? 'the gradient' : "the optimiser's state"} of ${error.weight ?? 'a weight'} holds ${String(error.value)}`;
  const kept = (await holdsRun(request.folder))
    ? `The step was not applied and the run's last checkpoint in ${request.folder.checkpoint} is kept as it was.`
    : 'The step was not applied; no checkpoint had been written yet, so the run folder was removed.';
  const remedy =
    error.quantity === 'optimizer-state'
      ? "The checkpoint's optimiser state was damaged or saved after training diverged: start a new run."
      : 'Training diverged: start it again with a lower --learning-rate (a new run: --resume keeps the rate).';
  return new CheckpointError(
    request.folder.checkpoint,
    `The run stopped ${where}: ${what}. ${kept} ${remedy}`,
    { cause: error },
  );
}
