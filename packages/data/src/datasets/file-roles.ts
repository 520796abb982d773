import type { DatasetFileRole } from './dataset-types.js';

/**
 * The names a dataset file may have on disk, in order of preference: gzip before raw, and
 * both the official `train-images-idx3-ubyte` and the `train-images.idx3-ubyte` spellings.
 *
 * @param name - The official name without `.gz`.
 */
export function fileNameCandidates(name: string): string[] {
  const dotted = name.replace(/-(idx\d+-ubyte)$/, '.$1');
  const names = [`${name}.gz`, name, `${dotted}.gz`, dotted];
  return [...new Set(names)];
}

/**
 * Which of a dataset's four files a file name looks like, by the usual parts of IDX names:
 * `train` or `t10k`/`test` for the split, `images`/`idx3` or `labels`/`idx1` for the content
 * (so `train-images-idx3-ubyte.gz`, `emnist-letters-test-labels-idx1-ubyte` and
 * `t10k-images.idx3-ubyte` are all recognised).
 *
 * @param name - A file name, without folders.
 * @returns The role, or `undefined` when the name does not tell one.
 */
export function fileRoleOf(name: string): DatasetFileRole | undefined {
  const lower = name.toLowerCase();
  const train = /(^|[^a-z])train/.test(lower);
  const test = /(^|[^a-z])(t10k|test)/.test(lower);
  const images = /images|idx3/.test(lower);
  const labels = /labels|idx1/.test(lower);
  if (train === test || images === labels) return undefined;
  if (train) return images ? 'trainImages' : 'trainLabels';
  return images ? 'testImages' : 'testLabels';
}

/**
 * Sorts file names into the four roles by {@link fileRoleOf}. A role with two data files
 * (other than a `.gz` and its raw copy, of which the `.gz` wins) is ambiguous.
 *
 * @param names - File names, without folders.
 * @returns The name chosen per role, and the names per ambiguous role.
 */
export function sortIntoRoles(names: readonly string[]): {
  chosen: Partial<Record<DatasetFileRole, string>>;
  ambiguous: Partial<Record<DatasetFileRole, string[]>>;
} {
  const byRole = new Map<DatasetFileRole, string[]>();
  for (const name of [...names].sort()) {
    const role = fileRoleOf(name);
    if (role !== undefined) byRole.set(role, [...(byRole.get(role) ?? []), name]);
  }
  const chosen: Partial<Record<DatasetFileRole, string>> = {};
  const ambiguous: Partial<Record<DatasetFileRole, string[]>> = {};
  for (const [role, candidates] of byRole) {
    const stems = new Set(candidates.map((name) => name.replace(/\.gz$/i, '')));
    if (stems.size > 1) ambiguous[role] = candidates;
    else chosen[role] = candidates.find((name) => /\.gz$/i.test(name)) ?? candidates[0]!;
  }
  return { chosen, ambiguous };
}
