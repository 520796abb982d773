import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMUM_NODE_VERSION, nodeVersionProblem } from './node-version.js';

describe('the Node.js version check', () => {
  it('refuses an older Node with what to do, and accepts the minimum and newer ones', () => {
    expect(nodeVersionProblem('20.15.1')).toMatch(
      /needs Node\.js 20\.16\.0 or newer, and this is Node\.js 20\.15\.1: install a newer Node\.js/,
    );
    expect(nodeVersionProblem('18.20.4')).toBeDefined();
    expect(nodeVersionProblem('20.16.0')).toBeUndefined();
    expect(nodeVersionProblem('20.20.2')).toBeUndefined();
    expect(nodeVersionProblem('22.0.0')).toBeUndefined();
  });

  it("is the version the CLI's package.json requires", () => {
    const manifest = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'),
    ) as { engines: { node: string } };
    expect(manifest.engines.node).toBe(`>=${MINIMUM_NODE_VERSION.replace(/\.0$/, '')}`);
  });
});
