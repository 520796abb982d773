/** What the progress line shows after a batch. */
export interface ProgressState {
  readonly epoch: number;
  readonly epochs: number;
  /** Images done in this epoch, and in all. */
  readonly done: number;
  readonly total: number;
  readonly imagesPerSecond: number;
  readonly loss: number;
  /** Running accuracy of this epoch, 0..1. */
  readonly accuracy: number;
  /** Seconds left for the whole run. */
  readonly secondsLeft: number;
}

/** Formats seconds as `m:ss` or `h:mm:ss`. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** One line of progress: a bar for the epoch, images/s, ETA, loss and running accuracy. */
export function formatProgressLine(state: ProgressState, barWidth = 24): string {
  const fraction = state.total === 0 ? 0 : state.done / state.total;
  const filled = Math.round(fraction * barWidth);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}`;
  return [
    `epoch ${state.epoch}/${state.epochs}`,
    `${bar} ${String(Math.floor(fraction * 100)).padStart(3)}%`,
    `${Math.round(state.imagesPerSecond).toLocaleString('en-US')} img/s`,
    `ETA ${formatDuration(state.secondsLeft)}`,
    `loss ${state.loss.toFixed(4)}`,
    `acc ${(state.accuracy * 100).toFixed(2)}%`,
  ].join('  ');
}
