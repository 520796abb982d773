/** Whether a key pressed in `target` belongs to it: typing in a text field, choosing in a menu. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement)
    return !['button', 'checkbox', 'radio', 'reset', 'submit', 'file'].includes(target.type);
  return (
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}
