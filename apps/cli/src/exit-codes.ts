/**
 * The `lenet` command's exit codes. Scripts can rely on them.
 */
export const ExitCode = {
  /** Everything worked. */
  success: 0,
  /** An unexpected failure: a bug, reported with its stack trace. */
  internal: 1,
  /** The command line was wrong: unknown command, flag or value. */
  usage: 2,
  /** The data is missing, corrupt or does not match its checksum. */
  data: 3,
  /** A model or checkpoint is missing, corrupt or incompatible. */
  model: 4,
  /** A file or folder could not be read or written (permissions, full disk). */
  io: 5,
  /** The run was interrupted (Ctrl-C) after saving what it had. */
  interrupted: 130,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
