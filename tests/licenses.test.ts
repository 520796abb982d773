// Licences recorded: every production dependency of the published libraries and every peer
// has an allowed licence and a row in THIRD_PARTY_LICENSES.md; the libraries are MIT.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryFolders, repositoryRoot } from './install-folder.ts';

interface LicensedPackage {
  name: string;
  versions: string[];
}

interface Manifest {
  license?: string;
  peerDependencies?: Record<string, string>;
}

const allowedLicences = ['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause'];
const recorded = readFileSync(join(repositoryRoot, 'THIRD_PARTY_LICENSES.md'), 'utf8');

function manifestOf(folder: string): Manifest {
  return JSON.parse(
    readFileSync(join(repositoryRoot, 'packages', folder, 'package.json'), 'utf8'),
  ) as Manifest;
}

describe('licences', () => {
  it('of the production dependencies are allowed and recorded with their versions', () => {
    const listing = execFileSync(
      'pnpm',
      ['licenses', 'list', '--prod', '--json', '--filter', './packages/*'],
      { cwd: repositoryRoot, encoding: 'utf8' },
    );
    const byLicence = JSON.parse(listing) as Record<string, LicensedPackage[]>;
    expect(Object.keys(byLicence).filter((licence) => !allowedLicences.includes(licence))).toEqual(
      [],
    );
    const rows = Object.entries(byLicence).flatMap(([licence, packages]) =>
      packages.map((entry) => `| ${entry.name} | ${entry.versions.join(', ')} | ${licence} |`),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => !recorded.includes(row))).toEqual([]);
  });

  it.each(libraryFolders)('of the peers of @lenet/%s are allowed and recorded', (folder) => {
    const require = createRequire(join(repositoryRoot, 'packages', folder, 'package.json'));
    for (const [peer, range] of Object.entries(manifestOf(folder).peerDependencies ?? {})) {
      const { license = 'none' } = require(`${peer}/package.json`) as Manifest;
      expect(allowedLicences, peer).toContain(license);
      expect(recorded).toContain(`| ${peer} | ${range}`);
    }
  });

  it.each(libraryFolders)('@lenet/%s is MIT with its licence file', (folder) => {
    expect(manifestOf(folder).license).toBe('MIT');
    expect(existsSync(join(repositoryRoot, 'packages', folder, 'LICENSE'))).toBe(true);
  });
});
