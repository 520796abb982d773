import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  return [...source.matchAll(/^(?:import|export)\s[^'";]*?from\s+'([^']+)'/gm)].map(
    (match) => match[1] ?? '',
  );
}

function reachableModules(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.'))
        pending.push(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  }
  return { files, packages };
}

describe('the main entry', () => {
  const { files, packages } = reachableModules(join(import.meta.dirname, 'index.ts'));

  it('imports nothing from Node, so the browser can load it', () => {
    const nodeModules = [...packages].filter(
      (name) => name.startsWith('node:') || builtinModules.includes(name),
    );
    expect(nodeModules).toEqual([]);
    expect([...files].some((file) => file.includes('/node/'))).toBe(false);
  });

  it('depends on no package but the lenet error base', () => {
    expect([...packages]).toEqual(['@lenet/common']);
  });

  it('reaches every figure', () => {
    expect(files.size).toBeGreaterThan(30);
  });
});

describe('the node entry', () => {
  it('adds file writing on top of Node built-ins and the shared atomic write only', () => {
    const { packages } = reachableModules(join(import.meta.dirname, 'node.ts'));
    expect(
      [...packages].filter(
        (name) => !name.startsWith('node:') && !name.startsWith('@lenet/common'),
      ),
    ).toEqual([]);
    expect([...packages]).toContain('@lenet/common/node');
    // every() over nothing passes: make sure the walk reached the file writing.
    expect([...packages].filter((name) => name.startsWith('node:')).length).toBeGreaterThan(0);
  });
});

describe('the tfjs entry', () => {
  it('adds model reading on top of TensorFlow.js only', () => {
    const { packages } = reachableModules(join(import.meta.dirname, 'tfjs.ts'));
    expect([...packages].sort()).toEqual(['@lenet/common', '@tensorflow/tfjs']);
  });
});
