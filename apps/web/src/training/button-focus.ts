/**
 * Enables or disables `button`. Disabling the button that has the focus hands the focus to
 * `heir` first: a disabled button drops it to the body, and a keyboard user loses their place.
 *
 * @param button - The button.
 * @param enabled - Whether it can be pressed.
 * @param heir - Where the focus goes when `button` had it and is disabled (enabled by then).
 */
export function setEnabled(button: HTMLButtonElement, enabled: boolean, heir?: HTMLElement): void {
  if (!enabled && document.activeElement === button) heir?.focus();
  button.disabled = !enabled;
}
