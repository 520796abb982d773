/** A Ctrl-C watcher for a long job. */
export interface InterruptSignal {
  /** True once Ctrl-C (SIGINT) or SIGTERM arrived. */
  requested(): boolean;
  /** Stops watching. */
  dispose(): void;
}

/**
 * Watches for Ctrl-C: the first asks the job to stop at the next safe point (`onFirst` tells
 * the user); a second one exits at once, keeping the last checkpoint.
 */
export function interruptSignal(onFirst: () => void): InterruptSignal {
  let count = 0;
  const handler = () => {
    count += 1;
    if (count === 1) {
      onFirst();
      return;
    }
    process.stderr.write('\nStopped without saving; the last checkpoint is kept.\n');
    process.exit(130);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    requested: () => count > 0,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
