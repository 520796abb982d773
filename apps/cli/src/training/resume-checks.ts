import { MNIST, datasetFileRoles } from '@lenet/data';
import { CheckpointError } from '../errors/checkpoint-error.js';
import type { TrainingRequest } from './run-training.js';
import { effectiveSetting, RESUME_LOCKED_FLAGS, type TrainSettings } from './train-settings.js';

/**
 * Checks that `--resume` continues the run as it was started: the flags given explicitly agree
 * with the run's settings, and the data is the run's (see {@link checkSameData}).
 *
 * @throws CheckpointError saying which flag or which data differs.
 */
export function checkResumable(request: TrainingRequest, saved: TrainSettings): void {
  const folder = request.folder.checkpoint;
  for (const key of request.explicitSettings) {
    if (effectiveSetting(request.settings, key) === effectiveSetting(saved, key)) continue;
    throw new CheckpointError(
      folder,
      `--resume continues a run with its own settings, but ${RESUME_LOCKED_FLAGS[key]} ${String(effectiveSetting(request.settings, key))} differs from the run's ${String(effectiveSetting(saved, key))}. Drop ${RESUME_LOCKED_FLAGS[key]}, or start a new run in another --out folder.`,
    );
  }
  checkSameData(request, saved);
}

/**
 * Checks that a resumed run reads the data it was trained on: the same data set and the same
 * decompressed content of its four files, from whatever source (a `.gz` and a raw copy are the
 * same data). Runs from before the data record are checked by their training images' sha256.
 */
function checkSameData(request: TrainingRequest, saved: TrainSettings): void {
  const folder = request.folder.checkpoint;
  const now = request.settings.dataset;
  const before = saved.dataset;
  if (before !== undefined && now !== undefined) {
    if (before.name !== now.name)
      throw new CheckpointError(
        folder,
        `The run in ${request.folder.root} was trained on ${before.title}, not ${now.title}. Drop --dataset to resume it on its own data, or start a new run in another --out folder.`,
      );
    const differing = datasetFileRoles.filter(
      (role) => before.contentSha256[role] !== now.contentSha256[role],
    );
    if (differing.length > 0)
      throw new CheckpointError(
        folder,
        `The run in ${request.folder.root} was trained on other ${before.title} files: the content of ${differing.join(', ')} differs (${differing.map((role) => `${before.contentSha256[role].slice(0, 12)}... then, ${now.contentSha256[role].slice(0, 12)}... now`).join('; ')}). It read them from ${before.source.kind} ${before.source.location}: resume it with those files, or start a new run.`,
      );
    return;
  }
  const file = request.dataset.files.find((candidate) => candidate.role === 'trainImages');
  const official = MNIST.files.trainImages.sha256;
  const sameData = [
    file?.sha256,
    file?.contentSha256,
    ...(file?.verified === true && (now?.name ?? 'mnist') === 'mnist'
      ? [official?.gzip, official?.raw]
      : []),
  ].includes(saved.trainImagesSha256);
  if (!sameData)
    throw new CheckpointError(
      folder,
      `The run in ${request.folder.root} was trained on other data (training images sha256 ${saved.trainImagesSha256.slice(0, 12)}..., now ${(file?.contentSha256 ?? '').slice(0, 12)}...). Resume it with the data it was trained on, or start a new run.`,
    );
}
