import { describe, expect, it } from 'vitest';
import { LayerArgumentError } from '../errors/layer-argument-error.js';
import { PAPER_ETA_SCHEDULE, SDLM_MU, etaForPass, paperEta } from './eta-schedule.js';

describe('paperEta', () => {
  it("gives the paper's rate for each of the 20 passes", () => {
    const rates = Array.from({ length: 20 }, (_, index) => paperEta(index + 1));
    expect(rates).toEqual([
      0.0005, 0.0005, 0.0002, 0.0002, 0.0002, 0.0001, 0.0001, 0.0001, 0.00005, 0.00005, 0.00005,
      0.00005, 0.00001, 0.00001, 0.00001, 0.00001, 0.00001, 0.00001, 0.00001, 0.00001,
    ]);
  });

  it('keeps the last rate after pass 20', () => {
    expect(paperEta(21)).toBe(0.00001);
    expect(paperEta(100)).toBe(0.00001);
  });

  it('rejects passes that are not integers >= 1', () => {
    expect(() => paperEta(0)).toThrow(LayerArgumentError);
    expect(() => paperEta(1.5)).toThrow(/integer >= 1/);
  });

  it('covers passes 1-20 without gaps and uses mu = 0.02', () => {
    expect(PAPER_ETA_SCHEDULE[0]?.firstPass).toBe(1);
    expect(PAPER_ETA_SCHEDULE[PAPER_ETA_SCHEDULE.length - 1]?.lastPass).toBe(20);
    PAPER_ETA_SCHEDULE.slice(1).forEach((stage, index) => {
      expect(stage.firstPass).toBe(PAPER_ETA_SCHEDULE[index]!.lastPass + 1);
    });
    expect(SDLM_MU).toBe(0.02);
  });
});

describe('etaForPass', () => {
  it('reads a custom schedule', () => {
    const schedule = [
      { firstPass: 1, lastPass: 1, eta: 0.1 },
      { firstPass: 2, lastPass: 3, eta: 0.01 },
    ];
    expect([1, 2, 3, 4].map((pass) => etaForPass(pass, schedule))).toEqual([0.1, 0.01, 0.01, 0.01]);
  });

  it('says when a schedule leaves a pass uncovered', () => {
    expect(() => etaForPass(1, [{ firstPass: 2, lastPass: 3, eta: 0.1 }])).toThrow(/covers pass 1/);
  });
});
