/** Where a command writes, and whether it may use colour. */
export interface Terminal {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  error(text: string): void;
  /** True when ANSI colours may be used. */
  color: boolean;
  /** True when standard output is an interactive terminal (progress bars redraw in place). */
  interactive: boolean;
  /** The exit code a command asks for when it ends without an error (e.g. 130 after Ctrl-C). */
  exitCode?: number;
}

/**
 * The process's terminal: colour only on a TTY and only when `NO_COLOR` is unset
 * (https://no-color.org); `FORCE_COLOR` turns it on for pipes.
 */
export function processTerminal(env: NodeJS.ProcessEnv = process.env): Terminal {
  // A reader that goes away (`lenet --help | head`) is not an error: stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const interactive = process.stdout.isTTY;
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const forceColor = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  return {
    out: (text) => process.stdout.write(text),
    error: (text) => process.stderr.write(text),
    color: !noColor && (interactive || forceColor),
    interactive,
  };
}

/** A callback that prints a library's one-line notice to standard error, as `Notice: ...`. */
export function noticePrinter(terminal: Terminal): (notice: string) => void {
  return (notice) => {
    terminal.error(`Notice: ${notice}\n`);
  };
}
