import type { CanvasTarget } from '../canvas/draw-to-canvas.js';

/** One recorded call or property write on a {@link recordingCanvas}. */
export interface CanvasCall {
  readonly name: string;
  readonly values: readonly unknown[];
}

/**
 * A 2D context stand-in that records every call and style write in order, so a test can
 * check what would have been painted without a browser.
 */
export function recordingCanvas(): { context: CanvasTarget; calls: CanvasCall[] } {
  const calls: CanvasCall[] = [];
  const state: Record<string, unknown> = {};
  const context = new Proxy(state, {
    get(target, property: string) {
      if (property in target) return target[property];
      return (...values: unknown[]) => {
        calls.push({ name: property, values });
      };
    },
    set(target, property: string, value: unknown) {
      target[property] = value;
      calls.push({ name: property, values: [value] });
      return true;
    },
  });
  return { context: context as unknown as CanvasTarget, calls };
}
