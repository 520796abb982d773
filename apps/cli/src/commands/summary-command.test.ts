import { describe, expect, inject, it } from 'vitest';
import { runLenet } from '../test-support/run-lenet.js';

interface SummaryJson {
  totals: { trainableParameters: number; fixedParameters: number; connections: number };
  rows: { name: string; trainableParameters: number; connections: number }[];
}

describe('lenet summary', () => {
  it("prints the paper's LeNet-5 table to the digit", () => {
    const run = runLenet(['summary']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/C3\s+16 @ 10x10\s+1,516\s+0\s+151,600/);
    expect(run.stdout).toMatch(/total\s+.*60,000\s+840\s+340,908/);
  });

  it('summarises LeNet-1 as JSON with its 2,578 parameters', () => {
    const summary = JSON.parse(runLenet(['summary', 'lenet1', '--json']).stdout) as SummaryJson;
    expect(summary.totals.trainableParameters).toBe(2578);
    expect(summary.totals.connections).toBe(98_442);
  });

  it('summarises a saved run', () => {
    const run = runLenet(['summary', inject('trainedModel')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/total\s+.*61,706/);
  });

  it('explains an unknown model name with exit code 4', () => {
    const run = runLenet(['summary', 'lenet9']);
    expect(run.status).toBe(4);
    expect(run.stderr).toContain('"lenet9" is neither a model name');
  });
});
