import { describe, expect, it } from 'vitest';
import { runLenet, testMnistFolder } from '../test-support/run-lenet.js';
import type { CurvatureCheck } from '../training/curvature-check.js';

function check(args: readonly string[]): CurvatureCheck {
  const run = runLenet(['curvature', ...args, '--folder', testMnistFolder(), '--json']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as CurvatureCheck;
}

const layer = (result: CurvatureCheck, name: string) =>
  result.layers.find((entry) => entry.layer === name);

describe('lenet curvature', () => {
  it("finds h_kk below 0.011 for most weights of LeNet-5 at the paper's literal initialisation, and the signal shrunk to F6", () => {
    const paper = check([]);
    expect(paper.patterns).toBe(500);
    expect(paper.belowThreshold).toBeGreaterThan(0.8);
    expect(layer(paper, 'F6')?.outputRms).toBeLessThan(0.05);
  });

  it("finds every h_kk above 0.011 at EBLearn's initialisation, and the layerwise h_kk of C5 and F6 equal to finite differences", () => {
    const eblearn = check(['--initialisation', 'eblearn']);
    expect(eblearn.belowThreshold).toBe(0);
    expect(layer(eblearn, 'F6')?.outputRms).toBeGreaterThan(0.1);
    for (const name of ['C5', 'F6']) {
      const checks = layer(eblearn, name)?.checks ?? [];
      expect(checks.length, name).toBeGreaterThan(0);
      for (const entry of checks) {
        expect(Math.abs(entry.layerwise - entry.gaussNewton), entry.weight).toBeLessThan(
          0.02 * entry.gaussNewton,
        );
      }
    }
    // The recursion drops the cross terms of shared weights: never above the exact diagonal.
    const c1 = layer(eblearn, 'C1')?.checks ?? [];
    expect(c1.length).toBeGreaterThan(0);
    for (const entry of c1) expect(entry.layerwise).toBeLessThan(entry.gaussNewton * 1.02);
  });

  it('refuses a softmax model, which has no Gauss-Newton split at an RBF layer', () => {
    const run = runLenet(['curvature', 'lenet5-modern', '--folder', testMnistFolder()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("SDLM's curvature needs an RBF head");
  });
});
