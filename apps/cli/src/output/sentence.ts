/**
 * A message used inside a sentence: trimmed, without its final full stop, so that
 * `${clause(cause.message)}. What to do.` never reads "..".
 */
export function clause(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}
