// One Node.js version everywhere: every manifest's engines.node is the same.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from './install-folder.ts';

function manifests(): string[] {
  const nested = ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(repositoryRoot, group)).map((name) => join(group, name, 'package.json')),
  );
  return ['package.json', ...nested];
}

describe('the Node.js version', () => {
  it('is the same >=20.16 in every package.json', () => {
    const engines = manifests().map((file) => [
      file,
      (
        JSON.parse(readFileSync(join(repositoryRoot, file), 'utf8')) as {
          engines?: { node?: string };
        }
      ).engines?.node,
    ]);
    expect(engines.length).toBeGreaterThanOrEqual(7);
    expect(engines.filter(([, node]) => node !== '>=20.16')).toEqual([]);
  });
});
