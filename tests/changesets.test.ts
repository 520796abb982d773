// Releases: every library changed since main (on a branch) or the last release carries a changeset
// (`changeset status`), and `changeset version`, run on a throwaway copy of the manifests
// and changesets (never the real tree), starts each library's changelog and gives
// coherent versions across dependants.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libraryFolders, repositoryRoot, run } from './install-folder.ts';

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
}

interface StatusReport {
  releases: { name: string; type: string; oldVersion: string; newVersion: string }[];
}

const changesetBin = join(repositoryRoot, 'node_modules', '@changesets', 'cli', 'bin.js');
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repositoryRoot, encoding: 'utf8' }).trim();

/**
 * What `changeset status` compares against: on a branch ahead of `origin/main` (a pull
 * request), where it left main, so the branch's own changes need their own changesets;
 * otherwise the last release tag (`@lenet/name@version`), or the first commit before any.
 */
function statusBase(): string {
  const head = git('rev-parse', 'HEAD');
  const hasRemoteMain = git('branch', '--remotes', '--list', 'origin/main') !== '';
  if (hasRemoteMain && git('rev-parse', 'origin/main') !== head) {
    const forkPoint = git('merge-base', 'HEAD', 'origin/main');
    if (forkPoint !== head) return forkPoint;
  }
  const tags = git('tag', '--list', '@lenet/*@*', '--sort=-creatordate')
    .split('\n')
    .filter(Boolean);
  return tags[0] ?? git('rev-list', '--max-parents=0', 'HEAD').split('\n')[0]!;
}

function readManifest(root: string, folder: string): Manifest {
  return JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as Manifest;
}

const workspaceFolders = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(repositoryRoot, group)).map((name) => `${group}/${name}`),
);
const copy = mkdtempSync(join(tmpdir(), 'lenet-changeset-version-'));
afterAll(() => {
  rmSync(copy, { recursive: true, force: true });
});

describe('changesets', () => {
  it('cover every library changed since main or the last release (changeset status)', async () => {
    const output = join(copy, 'status.json');
    const since = statusBase();
    await run(
      'node',
      [changesetBin, 'status', `--since=${since}`, `--output=${output}`],
      repositoryRoot,
    );
    const { releases } = JSON.parse(readFileSync(output, 'utf8')) as StatusReport;
    const bumped = releases
      .filter((release) => release.type !== 'none')
      .map((release) => release.name);
    const changed = libraryFolders.filter(
      (folder) => git('diff', '--name-only', since, 'HEAD', '--', `packages/${folder}`) !== '',
    );
    expect(bumped).toEqual(expect.arrayContaining(changed.map((folder) => `@lenet/${folder}`)));
  });

  it('version the libraries coherently and start their changelogs (changeset version on a copy)', () => {
    for (const file of ['package.json', 'pnpm-workspace.yaml', '.changeset'])
      cpSync(join(repositoryRoot, file), join(copy, file), { recursive: true });
    for (const folder of workspaceFolders) {
      for (const file of ['package.json', 'CHANGELOG.md'].filter((name) =>
        existsSync(join(repositoryRoot, folder, name)),
      )) {
        cpSync(join(repositoryRoot, folder, file), join(copy, folder, file));
      }
    }
    symlinkSync(join(repositoryRoot, 'node_modules'), join(copy, 'node_modules'));
    const before = new Map(workspaceFolders.map((folder) => [folder, readManifest(copy, folder)]));
    execFileSync('node', [changesetBin, 'version'], { cwd: copy, stdio: 'pipe' });

    const versions = new Map(
      workspaceFolders.map((folder) => [
        readManifest(copy, folder).name,
        readManifest(copy, folder).version,
      ]),
    );
    for (const folder of workspaceFolders) {
      const manifest = readManifest(copy, folder);
      if (manifest.private === true) {
        expect(manifest.version, `${manifest.name} is private and never versioned`).toBe(
          before.get(folder)?.version,
        );
        continue;
      }
      expect(manifest.version).not.toBe(before.get(folder)?.version);
      const changelog = readFileSync(join(copy, folder, 'CHANGELOG.md'), 'utf8');
      expect(changelog.startsWith(`# ${manifest.name}\n\n## ${manifest.version}\n`)).toBe(true);
      for (const [dependency, range] of Object.entries(manifest.dependencies ?? {}).filter(
        ([name]) => name.startsWith('@lenet/'),
      )) {
        expect(range).toBe('workspace:^');
        expect(changelog).toContain(`${dependency}@${versions.get(dependency) ?? '?'}`);
      }
    }
    expect(
      readdirSync(join(copy, '.changeset')).filter(
        (name) => name.endsWith('.md') && name !== 'README.md',
      ),
    ).toEqual([]);
  });
});
