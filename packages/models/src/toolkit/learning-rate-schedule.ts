/** The learning-rate schedules training offers (`lenet train --schedule`). */
export const SCHEDULE_NAMES = ['cosine', 'constant', 'step'] as const;
/** One of {@link SCHEDULE_NAMES}. */
export type ScheduleName = (typeof SCHEDULE_NAMES)[number];

/**
 * The learning rate at a point of training: `cosine` decays smoothly to 2% of the initial rate,
 * `step` halves it at 50% and again at 75% of training, `constant` keeps it.
 *
 * @param schedule - The schedule.
 * @param initial - The rate at the first step.
 * @param progress - From 0 (the first step) to 1 (the end of the last epoch); clamped to that range.
 */
export function learningRateAt(schedule: ScheduleName, initial: number, progress: number): number {
  const clamped = Math.min(1, Math.max(0, progress));
  if (schedule === 'constant') return initial;
  if (schedule === 'step') return initial * (clamped < 0.5 ? 1 : clamped < 0.75 ? 0.5 : 0.25);
  const floor = 0.02 * initial;
  return floor + (initial - floor) * 0.5 * (1 + Math.cos(Math.PI * clamped));
}
