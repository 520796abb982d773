import { DatasetNotFoundError } from '../errors/dataset-not-found-error.js';
import type { DatasetDescriptor } from './dataset-types.js';
import { EMNIST_DIGITS } from './emnist-digits.js';
import { FASHION_MNIST } from './fashion-mnist.js';
import { IDX_FILES } from './idx-files.js';
import { KMNIST } from './kmnist.js';
import { MNIST } from './mnist.js';

/** Every data set lenet knows by name, MNIST first and the catch-all {@link IDX_FILES} last. */
export const KNOWN_DATASETS: readonly DatasetDescriptor[] = [
  MNIST,
  FASHION_MNIST,
  KMNIST,
  EMNIST_DIGITS,
  IDX_FILES,
];

/**
 * The known data set with this name (`mnist`, `fashion-mnist`, `kmnist`, `emnist-digits`, `idx`).
 *
 * @param name - The data set's `name`.
 * @returns Its descriptor.
 * @throws {@link DatasetNotFoundError} for a name lenet does not know, listing the known ones.
 */
export function datasetNamed(name: string): DatasetDescriptor {
  const found = KNOWN_DATASETS.find((descriptor) => descriptor.name === name);
  if (found === undefined)
    throw new DatasetNotFoundError(
      name,
      [],
      `lenet knows ${KNOWN_DATASETS.map((descriptor) => descriptor.name).join(', ')}; use idx for any four IDX files.`,
    );
  return found;
}
