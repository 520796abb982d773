/**
 * What the page shows of an error: its message only (the libraries' messages say what
 * happened and what to do), never a stack trace.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
