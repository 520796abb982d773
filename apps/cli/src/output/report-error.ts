import { LenetError } from '@lenet/core/errors';
import { ExitCode, type ExitCodeValue } from '../exit-codes.js';
import { exitCodeOf } from './error-exit-codes.js';
import type { Terminal } from './terminal.js';
import { clause } from './sentence.js';

const exitCodeBySystemCode: Record<string, ExitCodeValue> = {
  EACCES: ExitCode.io,
  EPERM: ExitCode.io,
  ENOSPC: ExitCode.io,
  EROFS: ExitCode.io,
  ENOENT: ExitCode.io,
  EISDIR: ExitCode.io,
  ENOTDIR: ExitCode.io,
};

/** System errors that say the machine refused a write or a read (not that a path was wrong). */
const resourceFailures = new Set(['EACCES', 'EPERM', 'ENOSPC', 'EROFS']);

const systemAdvice: Record<string, string> = {
  EACCES: 'Check the permissions, or choose another location.',
  EPERM: 'Check the permissions, or choose another location.',
  ENOSPC:
    'The disk is full: free some space or choose another output folder, then run the command again.',
  EROFS: 'The file system is read-only: choose another location.',
  ENOENT: 'Check the path.',
  EISDIR: 'A folder stands where a file was expected: check the path.',
  ENOTDIR: 'A file stands where a folder was expected: check the path.',
};

/**
 * Prints an error as one paragraph that says what happened and what to do, and returns the
 * exit code it maps to. Only unexpected errors (bugs) print a stack trace.
 */
export function reportError(error: unknown, terminal: Terminal): ExitCodeValue {
  const prefix = terminal.color ? '\u001b[31merror\u001b[39m' : 'error';
  if (LenetError.isInstance(error)) {
    // A lenet error that a full disk or a permission caused (saving a model, say) is an I/O failure.
    const causeCode = systemErrorCode(error.cause);
    if (causeCode !== undefined && resourceFailures.has(causeCode)) {
      terminal.error(`${prefix}: ${error.message} ${systemAdvice[causeCode] ?? ''}\n`);
      return exitCodeBySystemCode[causeCode] ?? ExitCode.io;
    }
    const code = exitCodeOf(error);
    if (code !== ExitCode.internal) {
      terminal.error(`${prefix}: ${error.message}\n`);
      return code;
    }
  }
  const systemCode = systemErrorCode(error);
  if (systemCode !== undefined && error instanceof Error) {
    terminal.error(`${prefix}: ${clause(error.message)}. ${systemAdvice[systemCode] ?? ''}\n`);
    return exitCodeBySystemCode[systemCode] ?? ExitCode.io;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  terminal.error(
    `${prefix}: an unexpected error occurred; this is a bug in lenet. Please report it with the text below.\n${detail}\n`,
  );
  return ExitCode.internal;
}

function systemErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = error.code;
  return typeof code === 'string' && code in exitCodeBySystemCode ? code : undefined;
}
