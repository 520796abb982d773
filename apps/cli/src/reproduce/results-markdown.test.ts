import { FASHION_MNIST } from '@lenet/data';
import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../training/run-log.js';
import type { FoundRun } from './collect-runs.js';
import { findExperiment, type Experiment } from './experiments.js';
import { describeSettings, formatMinutes, resultsMarkdown, summarize } from './results-markdown.js';
import type { RunResult } from './run-record.js';

const lenet5 = findExperiment('lenet5') as Experiment;
const settings = { ...lenet5.recipe, seed: 1, trainImagesSha256: 'abc' };
const machine = {
  cpuModel: 'Test CPU',
  cores: 2,
  memoryGigabytes: 8,
  nodeVersion: 'v20.20.0',
  platform: 'linux-x64',
  backend: 'wasm',
};

function epoch(number: number, testError: number): EpochRecord {
  return {
    type: 'epoch',
    epoch: number,
    trainLoss: 1,
    trainError: testError / 2,
    testError,
    learningRate: 0.0005,
    seconds: 60,
    imagesPerSecond: 1000,
  };
}

function completed(seed: number, testError: number): FoundRun {
  const result: RunResult = {
    format: 'lenet-reproduce-result',
    experiment: 'lenet5',
    seed,
    command: '',
    settings: { ...settings, seed },
    testError,
    errors: Math.round(testError * 10_000),
    testCount: 10_000,
    trainingSeconds: 1800,
    machine,
    finishedAt: '2026-11-28T10:00:00.000Z',
  };
  return {
    experiment: lenet5,
    seed,
    root: `runs/lenet5-seed${String(seed)}`,
    record: {
      settings: { ...settings, seed },
      history: [epoch(1, 0.03), epoch(2, testError)],
      elapsedSeconds: 1800,
      result,
    },
  };
}

describe('the results report', () => {
  it('summarises seeds by mean, sample standard deviation and range', () => {
    const stats = summarize([0.01, 0.012, 0.011]);
    expect(stats.mean).toBeCloseTo(0.011, 12);
    expect(stats.deviation).toBeCloseTo(0.001, 12);
    expect([stats.smallest, stats.largest]).toEqual([0.01, 0.012]);
    expect(summarize([0.02]).deviation).toBe(0);
  });

  it('formats training times in minutes and hours', () => {
    expect(formatMinutes(29)).toBe('0 min');
    expect(formatMinutes(1800)).toBe('30 min');
    expect(formatMinutes(3900)).toBe('1 h 05 min');
  });

  it("describes a recipe's optimiser, batch, passes, data and kernels", () => {
    expect(describeSettings(settings)).toBe(
      "SDLM, eta 0.000125 on the first passes (the paper's schedule scaled by 0.25), mu 0.02, h_kk by the layerwise method; weights from +-1/sqrt(fan-in), biases 0, coefficients 0.5 (EBLearn's); batch 1; 20 passes over all 60,000 training digits; map loss; no distortions; gradients by the LeNet engine in 1 thread",
    );
    expect(
      describeSettings({
        ...settings,
        learningRate: 0.0005,
        initialisation: undefined,
        trainLimit: 2000,
        distortions: true,
      }),
    ).toContain(
      "(the paper's schedule), mu 0.02, h_kk by the layerwise method; weights from +-2.4/fan-in (the paper's); batch 1; 20 passes over the first 2,000 training digits only; map loss; each pass drawn from the pool",
    );
  });

  it('puts our mean beside the paper, with the difference in points, and lists unfinished runs apart', () => {
    const unfinished: FoundRun = {
      experiment: lenet5,
      seed: 3,
      root: 'runs/lenet5-seed3',
      record: { settings: { ...settings, seed: 3 }, history: [epoch(1, 0.05)], elapsedSeconds: 90 },
    };
    const text = resultsMarkdown(
      [completed(1, 0.011), completed(2, 0.013), unfinished],
      new Map(),
      new Date('2026-11-28T11:00:00Z'),
    );
    expect(text).toContain(
      '| lenet5 | 0.95% | 1.20% ± 0.14 (1.10%–1.30%) | +0.25 | 0.60% | 1, 2 | 20 | 60,000 | 30 min | `lenet reproduce lenet5 --seeds 1,2` |',
    );
    expect(text).toContain(
      '- lenet5, seed 3: 1 of 20 passes done, test error 5.00% after pass 1 (2 min so far).',
    );
    expect(text).toContain(
      '- Test CPU, 2 cores, 8 GB, Node v20.20.0 (linux-x64), tfjs backend wasm',
    );
    expect(text).toContain('| 2 | 1.30% | 0.65% |');
    expect(text).not.toContain('No run has completed yet.');
    expect(resultsMarkdown([unfinished], new Map(), new Date())).toContain(
      'No run has completed yet.',
    );
  });

  it("names another data set than MNIST in the row and says the paper's numbers are MNIST's", () => {
    const fashion = completed(1, 0.1);
    const record = {
      ...fashion.record,
      settings: { ...fashion.record.settings, dataset: fashionRecord },
    };
    const text = resultsMarkdown(
      [{ ...fashion, record }],
      new Map(),
      new Date('2026-12-04T00:00:00Z'),
    );
    expect(text).toContain(
      '| 20 | 60,000 of Fashion-MNIST | 30 min | `lenet reproduce lenet5 --seeds 1 --dataset fashion-mnist` |',
    );
    expect(text).toContain("put the paper's recipe to that data set");
    expect(resultsMarkdown([completed(1, 0.01)], new Map(), new Date())).not.toContain(
      "put the paper's recipe",
    );
  });
});

const fashionRecord = {
  name: 'fashion-mnist',
  title: 'Fashion-MNIST',
  classNames: FASHION_MNIST.classNames ?? [],
  pictures: 'fit' as const,
  height: 28,
  width: 28,
  source: { kind: 'folder' as const, location: '/data/fashion' },
  contentSha256: { trainImages: 'a', trainLabels: 'b', testImages: 'c', testLabels: 'd' },
};
