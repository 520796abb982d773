import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const sourceFolder = dirname(fileURLToPath(import.meta.url));

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return Array.from(text.matchAll(/(?:from|import)\s+'([^']+)'/g), (match) => match[1]!);
}

function moduleGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (graph.has(file)) continue;
    const specifiers = importsOf(file);
    graph.set(file, specifiers);
    for (const specifier of specifiers.filter((name) => name.startsWith('.')))
      pending.push(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
  }
  return graph;
}

describe('the browser entry', () => {
  it('imports no node:* module, while the Node entry does', () => {
    const external = (entry: string): string[] =>
      [...moduleGraph(join(sourceFolder, entry)).values()]
        .flat()
        .filter((name) => !name.startsWith('.'));
    expect(external('browser.ts').filter((name) => name.startsWith('node:'))).toEqual([]);
    expect(external('browser.ts')).toContain('@tensorflow/tfjs');
    expect(external('index.ts')).toContain('node:fs/promises');
  });
});
