import { BackendSetupError, setupBackend, type BackendName } from '@lenet/core';
import { UsageError } from '../errors/usage-error.js';
import { clause } from '../output/sentence.js';

/** What to install or pass for each backend that could not start, in the command line's terms. */
const remedies: Readonly<Record<string, string>> = {
  tensorflow:
    'install @tensorflow/tfjs-node beside lenet (npm i @tensorflow/tfjs-node), or use --backend wasm',
  wasm: 'reinstall lenet so that @tensorflow/tfjs-backend-wasm is complete, or use --backend cpu',
  cpu: 'reinstall lenet (@tensorflow/tfjs is incomplete)',
};

/**
 * Starts the TensorFlow.js backend a command asks for (`--backend`), else the fastest available,
 * with the command line's own advice when it cannot start.
 *
 * @throws UsageError when the backend asked for cannot start.
 */
export async function startBackend(backend?: BackendName): ReturnType<typeof setupBackend> {
  try {
    return await setupBackend(backend === undefined ? {} : { backends: [backend] });
  } catch (error) {
    if (!BackendSetupError.isInstance(error)) throw error;
    const failures = error.attempts
      .map(
        (attempt) =>
          `${attempt.backend} (${clause(attempt.reason)}): ${remedies[attempt.backend] ?? 'use another --backend'}`,
      )
      .join('; ');
    throw new UsageError(`No TensorFlow.js backend could be started: ${failures}.`);
  }
}
