import { CommanderError } from 'commander';
import { ExitCode, type ExitCodeValue } from './exit-codes.js';
import { reportError } from './output/report-error.js';
import type { Terminal } from './output/terminal.js';
import { createProgram } from './program.js';

/**
 * Runs the `lenet` command line and returns its exit code; never throws.
 *
 * @param argv - The full argument vector, `process.argv` style (node, script, ...args).
 * @param terminal - Where output goes and whether it may use colour.
 */
export async function runCli(argv: readonly string[], terminal: Terminal): Promise<ExitCodeValue> {
  const program = createProgram(terminal);
  try {
    await program.parseAsync(argv);
    return (terminal.exitCode as ExitCodeValue | undefined) ?? ExitCode.success;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.success : ExitCode.usage;
    }
    return reportError(error, terminal);
  }
}
