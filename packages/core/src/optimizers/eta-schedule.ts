import { LayerArgumentError } from '../errors/layer-argument-error.js';

/** One stretch of passes that share a global learning rate eta. */
export interface EtaStage {
  /** The first pass of the stretch, counted from 1. */
  readonly firstPass: number;
  /** The last pass of the stretch, inclusive. */
  readonly lastPass: number;
  /** The global learning rate eta used on these passes. */
  readonly eta: number;
}

/** The paper's Levenberg-Marquardt safety constant: `eps_k = eta / (mu + h_kk)` with mu = 0.02. */
export const SDLM_MU = 0.02;

/**
 * The paper's global learning rate over its 20 training passes: 0.0005 on passes 1-2,
 * 0.0002 on 3-5, 0.0001 on 6-8, 0.00005 on 9-12 and 0.00001 on 13-20.
 *
 * @see LeCun et al. 1998, Section III.A (training with stochastic diagonal Levenberg-Marquardt).
 */
export const PAPER_ETA_SCHEDULE: readonly EtaStage[] = [
  { firstPass: 1, lastPass: 2, eta: 0.0005 },
  { firstPass: 3, lastPass: 5, eta: 0.0002 },
  { firstPass: 6, lastPass: 8, eta: 0.0001 },
  { firstPass: 9, lastPass: 12, eta: 0.00005 },
  { firstPass: 13, lastPass: 20, eta: 0.00001 },
];

/**
 * The global learning rate eta of a pass under a schedule. Passes after the schedule's last
 * stage keep that stage's rate.
 *
 * @param pass - The pass, counted from 1.
 * @param schedule - Stages in pass order. Default {@link PAPER_ETA_SCHEDULE}.
 * @returns eta for the pass.
 * @throws {@link LayerArgumentError} when the pass is not an integer >= 1 or the schedule
 *   has no stage that covers it.
 * @example
 * ```ts
 * etaForPass(4); // 0.0002
 * ```
 */
export function etaForPass(
  pass: number,
  schedule: readonly EtaStage[] = PAPER_ETA_SCHEDULE,
): number {
  if (!Number.isInteger(pass) || pass < 1) {
    throw new LayerArgumentError(
      'etaForPass',
      'pass',
      'an integer >= 1 (passes count from 1)',
      String(pass),
    );
  }
  const stage = schedule.find(
    (candidate) => pass >= candidate.firstPass && pass <= candidate.lastPass,
  );
  const last = schedule[schedule.length - 1];
  if (stage !== undefined) return stage.eta;
  if (last !== undefined && pass > last.lastPass) return last.eta;
  throw new LayerArgumentError(
    'etaForPass',
    'schedule',
    `a stage that covers pass ${pass}`,
    JSON.stringify(schedule),
    'Give stages that start at pass 1 and leave no gap.',
  );
}

/**
 * The paper's eta for a pass: {@link etaForPass} with {@link PAPER_ETA_SCHEDULE}. Passes
 * after 20 keep 0.00001.
 *
 * @param pass - The pass, counted from 1.
 * @returns eta for the pass.
 * @throws {@link LayerArgumentError} when the pass is not an integer >= 1.
 * @example
 * ```ts
 * paperEta(1); // 0.0005
 * ```
 * @see LeCun et al. 1998, Section III.A.
 */
export function paperEta(pass: number): number {
  return etaForPass(pass, PAPER_ETA_SCHEDULE);
}
