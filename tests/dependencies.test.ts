// Dependency hygiene: each library's published source imports only what its manifest
// declares, declares no dependency it does not import, and takes tfjs as a peer.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { libraryFolders, repositoryRoot, tfjsLibraryFolders } from './install-folder.ts';

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** Source files that ship: not tests, fixtures or test support. */
function publishedSources(folder: string): string[] {
  const source = join(repositoryRoot, 'packages', folder, 'src');
  return readdirSync(source, { recursive: true, encoding: 'utf8' })
    .filter(
      (name) =>
        name.endsWith('.ts') &&
        !name.endsWith('.test.ts') &&
        !/(^|\/)(__fixtures__|test-support)\//.test(name),
    )
    .map((name) => join(source, name));
}

/** The npm packages a file imports (static, dynamic with a literal, and type-only imports). */
function importedPackages(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

const libraries = libraryFolders.map((folder) => {
  const manifest = JSON.parse(
    readFileSync(join(repositoryRoot, 'packages', folder, 'package.json'), 'utf8'),
  ) as Manifest;
  const imported = new Set(publishedSources(folder).flatMap(importedPackages));
  return { folder, manifest, imported: [...imported].sort() };
});

describe('dependency hygiene', () => {
  it.each(libraries)('@lenet/$folder imports only what it declares', ({ manifest, imported }) => {
    const declared = [
      manifest.name,
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
    ];
    expect(imported.filter((name) => !declared.includes(name))).toEqual([]);
  });

  it.each(libraries)(
    '@lenet/$folder declares no dependency or required peer it does not import',
    ({ manifest, imported }) => {
      const optional = Object.entries(manifest.peerDependenciesMeta ?? {})
        .filter(([, meta]) => meta.optional === true)
        .map(([name]) => name);
      const required = [
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.peerDependencies ?? {}),
      ].filter((name) => !optional.includes(name));
      expect(required.filter((name) => !imported.includes(name))).toEqual([]);
    },
  );

  it.each(
    libraries.filter(({ folder }) => (tfjsLibraryFolders as readonly string[]).includes(folder)),
  )(
    '@lenet/$folder takes @tensorflow/tfjs as a peer, never as a dependency',
    ({ manifest, imported }) => {
      expect(imported).toContain('@tensorflow/tfjs');
      expect(Object.keys(manifest.peerDependencies ?? {})).toContain('@tensorflow/tfjs');
      expect(Object.keys(manifest.dependencies ?? {})).not.toContain('@tensorflow/tfjs');
    },
  );

  it('@lenet/common depends on nothing, not even a peer', () => {
    const common = libraries.find(({ folder }) => folder === 'common');
    expect(common?.manifest.dependencies).toBeUndefined();
    expect(common?.manifest.peerDependencies).toBeUndefined();
    expect(common?.imported).toEqual([]);
  });
});
