import type { PadModel, SwitchState } from './model-switch.js';
import { SHIPPED_MODELS } from './shipped-models.js';

/**
 * Fills the pad's model menu from the switch's state: the shipped models, then the models used
 * in this session (trained, saved, loaded from files), showing the one loading or else the one
 * in use, so that the menu never names another model than the pad's (the notice beside it says
 * when one is still loading).
 *
 * @param select - The menu.
 * @param sessionModels - The models used in this session, not shipped.
 * @param state - The switch's state.
 */
export function showModelMenu(
  select: HTMLSelectElement,
  sessionModels: readonly PadModel[],
  state: SwitchState,
): void {
  const shown = state.loading ?? state.inUse;
  const options = [
    ...SHIPPED_MODELS.map((model) => new Option(model.title, model.name)),
    ...sessionModels.map((model) => new Option(model.title, model.key)),
  ];
  if (shown !== undefined && !options.some((option) => option.value === shown.key))
    options.push(new Option(shown.title, shown.key));
  select.replaceChildren(...options);
  if (shown !== undefined) select.value = shown.key;
}
