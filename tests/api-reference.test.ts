// Each library's API.md is the reference generated from the TSDoc of its published types,
// and stays current: any change to an export or its documentation needs a regeneration.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiReference } from './api-reference.ts';
import { libraryFolders, repositoryRoot } from './install-folder.ts';

const generated = new Map<string, string>();
function referenceOf(folder: string): string {
  const reference = generated.get(folder) ?? apiReference(folder);
  generated.set(folder, reference);
  return reference;
}

describe('the generated API reference', () => {
  it.each(libraryFolders)('packages/%s/API.md matches the built declarations', (folder) => {
    const committed = readFileSync(join(repositoryRoot, 'packages', folder, 'API.md'), 'utf8');
    const message = `packages/${folder}/API.md is out of date: run \`pnpm build && pnpm exec tsx tests/api-reference.ts\` and commit it`;
    expect(committed, message).toBe(referenceOf(folder));
  });

  it.each(libraryFolders)('documents every export of @lenet/%s with a summary', (folder) => {
    const reference = referenceOf(folder);
    const sections = reference.split('\n### ').slice(1);
    // @lenet/common has four exports; the others dozens.
    expect(sections.length).toBeGreaterThanOrEqual(folder === 'common' ? 4 : 6);
    const undocumented = sections
      .filter((section) => !/\n```\n\n\S/.test(section))
      .map((section) => section.split('\n')[0]);
    expect(undocumented).toEqual([]);
  });

  it.each(libraryFolders)('is linked from the README of @lenet/%s', (folder) => {
    expect(readFileSync(join(repositoryRoot, 'packages', folder, 'README.md'), 'utf8')).toContain(
      '](API.md)',
    );
  });
});
