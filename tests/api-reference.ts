// Generates each library's API.md from the TSDoc of its published declaration files (dist),
// entry point by entry point. `tests/api-reference.test.ts` checks the committed pages are
// current. Regenerate after `pnpm build` with: pnpm exec tsx tests/api-reference.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { libraryFolders, repositoryRoot } from './install-folder.ts';

type ExportTarget = string | { types?: string; browser?: { types?: string } };

interface LibraryManifest {
  name: string;
  exports: Record<string, ExportTarget>;
}

const printer = ts.createPrinter({ removeComments: true });

function kindOf(declaration: ts.Declaration): string {
  if (ts.isFunctionDeclaration(declaration)) return 'function';
  if (ts.isClassDeclaration(declaration)) return 'class';
  if (ts.isInterfaceDeclaration(declaration)) return 'interface';
  if (ts.isTypeAliasDeclaration(declaration)) return 'type';
  if (ts.isVariableDeclaration(declaration)) return 'constant';
  return 'export';
}

/** The declaration without its comments; for a class, its heading and public members only. */
function signatureOf(declaration: ts.Declaration, source: ts.SourceFile): string {
  if (ts.isVariableDeclaration(declaration))
    return `const ${printer.printNode(ts.EmitHint.Unspecified, declaration, source)};`;
  if (!ts.isClassDeclaration(declaration))
    return printer.printNode(ts.EmitHint.Unspecified, declaration, source);
  const members = declaration.members.filter((member) => {
    const modifiers = ts.canHaveModifiers(member) ? (ts.getModifiers(member) ?? []) : [];
    return !modifiers.some(
      (modifier) =>
        modifier.kind === ts.SyntaxKind.PrivateKeyword ||
        modifier.kind === ts.SyntaxKind.ProtectedKeyword,
    );
  });
  const body = members
    .map((member) => `    ${printer.printNode(ts.EmitHint.Unspecified, member, source)}`)
    .join('\n');
  const heading = printer.printNode(
    ts.EmitHint.Unspecified,
    ts.factory.updateClassDeclaration(
      declaration,
      declaration.modifiers,
      declaration.name,
      declaration.typeParameters,
      declaration.heritageClauses,
      [],
    ),
    source,
  );
  return `${heading.replace(/\{\s*\}$/, '{')}\n${body}\n}`;
}

const tagLabels: Record<string, string> = {
  param: 'Parameter',
  returns: 'Returns',
  throws: 'Throws',
  see: 'See',
  defaultValue: 'Default',
  deprecated: 'Deprecated',
};

/** The raw text of a declaration's TSDoc comment, without the comment markers. */
function commentOf(declaration: ts.Declaration): string {
  const comments = ts.getJSDocCommentsAndTags(declaration).filter((node) => ts.isJSDoc(node));
  const raw = comments.at(-1)?.getText() ?? '';
  return raw
    .replace(/^\/\*\*\s?|\s*\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n')
    .replace(
      /\{@link ([^}|\s]+)(?:[|\s]([^}]*))?\}/g,
      (_, target: string, text?: string) => text?.trim() || `\`${target}\``,
    );
}

/** The summary and the tags of an export, as Markdown lines. */
function documentationOf(declaration: ts.Declaration): string[] {
  const [summary = '', ...tags] = commentOf(declaration).split(/\n(?=@\w)/);
  const tagLines: string[] = [];
  const examples: string[] = [];
  for (const tag of tags) {
    const [, name = '', text = ''] = /^@(\w+)\s*([\s\S]*)$/.exec(tag) ?? [];
    if (name === 'example') examples.push('', '**Example**', '', text.trim());
    const label = tagLabels[name];
    const flat = text.trim().replace(/\s*\n\s*/g, ' ');
    if (label !== undefined)
      tagLines.push(
        `- **${label}**: ${name === 'param' ? flat.replace(/^([\w.]+)\s*-?\s*/, '`$1`: ') : flat}`,
      );
  }
  const lines = summary.trim() === '' ? [] : [summary.trim()];
  return [
    ...lines,
    ...(lines.length > 0 && tagLines.length > 0 ? [''] : []),
    ...tagLines,
    ...examples,
  ];
}

function entrySection(
  specifier: string,
  file: string,
  program: ts.Program,
  browserOnly: ReadonlySet<string> | undefined,
): string[] {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (module === undefined)
    throw new Error(`${file} is missing or not a module: run \`pnpm build\` first.`);
  const lines = [`## \`${specifier}\``, ''];
  const index: string[] = [];
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    if (declaration === undefined) continue;
    const nodeOnly =
      browserOnly !== undefined && !browserOnly.has(exported.name) ? ' (Node only)' : '';
    const heading = `\`${exported.name}\` (${kindOf(declaration)})${nodeOnly}`;
    index.push(
      `[\`${exported.name}\`](#${heading
        .toLowerCase()
        .replace(/[^a-z0-9_ -]/g, '')
        .replace(/ /g, '-')})`,
    );
    lines.push(`### ${heading}`, '');
    lines.push('```ts', signatureOf(declaration, declaration.getSourceFile()), '```', '');
    const documentation = documentationOf(declaration);
    if (documentation.length > 0) lines.push(...documentation, '');
  }
  lines.splice(2, 0, index.join(', '), '');
  return lines;
}

function exportNames(file: string, program: ts.Program): Set<string> {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  return new Set(
    module === undefined ? [] : checker.getExportsOfModule(module).map((symbol) => symbol.name),
  );
}

/** The API.md of one library (a folder under packages/), from its built declaration files. */
export function apiReference(folder: string): string {
  const packageFolder = join(repositoryRoot, 'packages', folder);
  const manifest = JSON.parse(
    readFileSync(join(packageFolder, 'package.json'), 'utf8'),
  ) as LibraryManifest;
  const entries = Object.entries(manifest.exports).filter(
    ([, target]) => typeof target !== 'string' && target.types !== undefined,
  );
  const files = entries.flatMap(([, target]) =>
    typeof target === 'string' ? [] : [target.types, target.browser?.types],
  );
  const roots = files
    .filter((file): file is string => file !== undefined)
    .map((file) => join(packageFolder, file));
  const program = ts.createProgram(roots, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    types: [],
  });
  const lines = [
    `# ${manifest.name} API reference`,
    '',
    'Generated from the TSDoc of the published type declarations by `tests/api-reference.ts`',
    '(`pnpm exec tsx tests/api-reference.ts` after `pnpm build`); do not edit by hand. The',
    "[README](README.md) has the overview, an example and the paper's sections.",
    '',
  ];
  for (const [subpath, target] of entries) {
    if (typeof target === 'string' || target.types === undefined) continue;
    const browserTypes = target.browser?.types;
    const browserExports =
      browserTypes === undefined
        ? undefined
        : exportNames(join(packageFolder, browserTypes), program);
    lines.push(
      ...entrySection(
        join(manifest.name, subpath),
        join(packageFolder, target.types),
        program,
        browserExports,
      ),
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

if (process.argv[1] === import.meta.filename) {
  for (const folder of libraryFolders) {
    writeFileSync(join(repositoryRoot, 'packages', folder, 'API.md'), apiReference(folder));
    console.log(`packages/${folder}/API.md`);
  }
}
