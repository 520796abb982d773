// Types complete: the published declaration files of every library hold no `any` (nor an
// index signature or generic default that hands one to users), read from the built `dist`.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { libraryFolders, repositoryRoot } from './install-folder.ts';

function declarationFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.d.ts'))
    .map((name) => join(folder, name));
}

/** Every `any` written in a declaration file, as `file:line  source text`. */
function anyUses(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      const statement = node.parent.getText(source).split('\n')[0] ?? '';
      found.push(`${relative(repositoryRoot, file)}:${line + 1}  ${statement}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the published declaration files', () => {
  it.each(libraryFolders)('@lenet/%s exposes no any', (folder) => {
    const files = declarationFiles(join(repositoryRoot, 'packages', folder, 'dist'));
    expect(
      files.length,
      `packages/${folder}/dist holds no .d.ts: run \`pnpm build\` first`,
    ).toBeGreaterThan(0);
    expect(files.flatMap(anyUses)).toEqual([]);
  });

  it('finds an any where one is written', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lenet-any-probe-')), 'probe.d.ts');
    writeFileSync(file, 'export declare function leak(value: unknown): Promise<any>;\n');
    expect(anyUses(file)).toEqual([expect.stringMatching(/probe\.d\.ts:1 {2}Promise<any>$/)]);
  });
});
