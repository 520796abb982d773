import type * as tf from '@tensorflow/tfjs';
import type { ModelKind } from '@lenet/models';
import type { TrainedOn } from '../datasets/trained-on.js';
import { errorMessage } from '../error-message.js';

/** A model the pad can read with, and what the page calls it. */
export interface PadModel {
  /**
   * Its menu value and the body's `data-model`: the catalogue name for shipped weights
   * (`lenet5`), else where it came from and its name (`trained lenet1`, `saved lenet1`,
   * `file lenet1`).
   */
  readonly key: string;
  /** What the menu says (`LeNet-5 (paper)`, `LeNet-1 trained in this page on MNIST`). */
  readonly title: string;
  readonly model: tf.LayersModel;
  readonly recipe: ModelKind;
  /** What it was trained on: its class names and how drawings are prepared. */
  readonly trainedOn: TrainedOn;
  /** True for the weights shipped with the page, the ones the "not a digit" thresholds are calibrated on. */
  readonly shipped: boolean;
}

/** Where the model switch stands: the model in use and the one loading, if any. */
export interface SwitchState {
  /** The model the pad reads with; undefined before the first one loaded. */
  readonly inUse: PadModel | undefined;
  /** The model asked for last, while it loads. */
  readonly loading: { readonly key: string; readonly title: string } | undefined;
  /** Why the last switch failed (the model in use stayed). */
  readonly failure: string | undefined;
}

/** How a switch ended: the model is in use, or it is not (`failure` says why it failed; none when a later switch superseded it). */
export type SwitchOutcome =
  { readonly used: true } | { readonly used: false; readonly failure?: string };

/**
 * The one place that decides which model the pad reads with. Each switch supersedes the ones
 * before it: an earlier load still running is aborted (its signal) and its model, should it
 * arrive anyway, is not used. Every change is reported to `onChange`, which redraws the page
 * from the state (menu, loading notice, headings, results).
 */
export class ModelSwitch {
  readonly #onChange: (state: SwitchState) => void;
  #state: SwitchState = { inUse: undefined, loading: undefined, failure: undefined };
  #request: AbortController | undefined;

  /** @param onChange - Called with the new state after every change. */
  constructor(onChange: (state: SwitchState) => void) {
    this.#onChange = onChange;
  }

  /** The current state. */
  get state(): SwitchState {
    return this.#state;
  }

  /**
   * Switches to the model `load` gives (already there, or fetched), superseding any earlier
   * switch.
   *
   * @param key - The model's {@link PadModel.key}, shown in the menu while it loads.
   * @param title - Its {@link PadModel.title}, for the loading notice.
   * @param load - Gives the model; should stop when `signal` aborts.
   * @returns Whether this switch took effect, and when it failed why.
   */
  async switchTo(
    key: string,
    title: string,
    load: (signal: AbortSignal) => PadModel | Promise<PadModel>,
  ): Promise<SwitchOutcome> {
    this.#request?.abort();
    const request = new AbortController();
    this.#request = request;
    this.#set({ ...this.#state, loading: { key, title }, failure: undefined });
    try {
      const model = await load(request.signal);
      if (request.signal.aborted) return { used: false };
      this.#set({ inUse: model, loading: undefined, failure: undefined });
      return { used: true };
    } catch (error) {
      if (request.signal.aborted) return { used: false };
      const failure = `could not load ${title}: ${errorMessage(error)}`;
      this.#set({ ...this.#state, loading: undefined, failure });
      return { used: false, failure };
    } finally {
      if (this.#request === request) this.#request = undefined;
    }
  }

  #set(state: SwitchState): void {
    this.#state = state;
    this.#onChange(state);
  }
}
