import type { Stroke } from './digit-strokes.js';
import { inkBoxOf, type InkBox, type PenStroke } from './ink-box.js';
import { PEN_SIZES } from './pen-sizes.js';

/** What the pad reports to the page. */
export interface DrawPadEvents {
  /** The drawing changed while a stroke is in progress (called at most once per frame). */
  readonly onDraw: () => void;
  /** A stroke ended, or the drawing was replaced, cleared or undone. `eventTime` is the `performance.now()` of the event. */
  readonly onChange: (eventTime: number) => void;
}

const paper = '#ffffff';
const ink = '#111111';
// The strokes are also drawn at 4x MNIST's 28 pixels for the preprocessing: as good a
// source for the 20x20 box as the full pad, and 6 times fewer pixels to read.
const sampleSize = 112;

/** A stroke in the pad's canvas pixels, with its line width in those pixels. */
interface CanvasStroke {
  readonly points: { x: number; y: number }[];
  readonly width: number;
}

/**
 * A drawing pad for mouse, touch and pen: dark ink on white paper, with undo and clear.
 * The strokes are kept, so undo redraws the others. Clear and undo also end a stroke in
 * progress: the rest of that stroke is not drawn.
 */
export class DrawPad {
  readonly #canvas: HTMLCanvasElement;
  readonly #context: CanvasRenderingContext2D;
  readonly #sample: CanvasRenderingContext2D;
  readonly #events: DrawPadEvents;
  readonly #strokes: CanvasStroke[] = [];
  #current: { stroke: CanvasStroke; pointerId: number } | undefined;
  #frameRequested = false;
  /** The width of the next strokes, over the pad's side. */
  penFraction = PEN_SIZES[0]?.fraction ?? 1 / 12;

  constructor(canvas: HTMLCanvasElement, events: DrawPadEvents) {
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const sample = Object.assign(document.createElement('canvas'), {
      width: sampleSize,
      height: sampleSize,
    }).getContext('2d', { willReadFrequently: true });
    if (context === null || sample === null)
      throw new Error('The drawing pad needs a 2D canvas, which this browser did not give.');
    sample.scale(sampleSize / canvas.width, sampleSize / canvas.height);
    this.#canvas = canvas;
    this.#context = context;
    this.#sample = sample;
    this.#events = events;
    canvas.style.touchAction = 'none';
    canvas.addEventListener('pointerdown', (event) => {
      this.#start(event);
    });
    canvas.addEventListener('pointermove', (event) => {
      this.#move(event);
    });
    for (const type of ['pointerup', 'pointercancel'] as const) {
      canvas.addEventListener(type, (event) => {
        this.#end(event);
      });
    }
    this.#redraw();
  }

  /** Whether anything is drawn. */
  get isEmpty(): boolean {
    return this.#strokes.length === 0;
  }

  /** The box around the ink and the widest pen used; undefined when the pad is empty. */
  inkBox(): InkBox | undefined {
    const { width, height } = this.#canvas;
    return inkBoxOf(
      this.#strokes.map((stroke): PenStroke => ({
        points: stroke.points.map(({ x, y }) => [x / width, y / height] as const),
        penFraction: stroke.width / width,
      })),
    );
  }

  /** The drawing as RGBA `ImageData`, 112x112 pixels. */
  picture(): ImageData {
    return this.#sample.getImageData(0, 0, sampleSize, sampleSize);
  }

  /** Replaces the drawing with `strokes` given in the unit square (0,0 top left), as if drawn by hand with the current pen. */
  replaceWith(strokes: readonly Stroke[]): void {
    this.#endStroke();
    this.#strokes.length = 0;
    const { width, height } = this.#canvas;
    for (const stroke of strokes)
      this.#strokes.push({
        points: stroke.map(([x, y]) => ({ x: x * width, y: y * height })),
        width: this.penFraction * width,
      });
    this.#redraw();
    this.#events.onChange(performance.now());
  }

  /** Removes the last stroke (the one in progress, if any). */
  undo(): void {
    this.#endStroke();
    this.#strokes.pop();
    this.#redraw();
    this.#events.onChange(performance.now());
  }

  /** Removes every stroke, the one in progress too. */
  clear(): void {
    this.#endStroke();
    this.#strokes.length = 0;
    this.#redraw();
    this.#events.onChange(performance.now());
  }

  #point(event: PointerEvent): { x: number; y: number } {
    const box = this.#canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * this.#canvas.width,
      y: ((event.clientY - box.top) / box.height) * this.#canvas.height,
    };
  }

  #start(event: PointerEvent): void {
    if (event.button !== 0 || this.#current !== undefined) return;
    this.#canvas.setPointerCapture(event.pointerId);
    const stroke = { points: [this.#point(event)], width: this.penFraction * this.#canvas.width };
    this.#current = { stroke, pointerId: event.pointerId };
    this.#strokes.push(stroke);
    this.#drawStroke(stroke.points, stroke.width);
  }

  #move(event: PointerEvent): void {
    const current = this.#current;
    if (current?.pointerId !== event.pointerId) return;
    const points =
      typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [event];
    const { stroke } = current;
    for (const point of points.length > 0 ? points : [event])
      stroke.points.push(this.#point(point));
    this.#drawStroke(stroke.points.slice(-points.length - 1), stroke.width);
    if (this.#frameRequested) return;
    this.#frameRequested = true;
    requestAnimationFrame(() => {
      this.#frameRequested = false;
      if (this.#current !== undefined) this.#events.onDraw();
    });
  }

  #end(event: PointerEvent): void {
    if (this.#current?.pointerId !== event.pointerId) return;
    this.#current = undefined;
    this.#events.onChange(event.timeStamp);
  }

  /** Ends the stroke in progress without reporting it: what follows of it is not drawn. */
  #endStroke(): void {
    if (this.#current === undefined) return;
    const { pointerId } = this.#current;
    this.#current = undefined;
    if (this.#canvas.hasPointerCapture(pointerId)) this.#canvas.releasePointerCapture(pointerId);
  }

  #redraw(): void {
    for (const context of [this.#context, this.#sample]) {
      context.fillStyle = paper;
      context.fillRect(0, 0, this.#canvas.width, this.#canvas.height);
    }
    for (const stroke of this.#strokes) this.#drawStroke(stroke.points, stroke.width);
  }

  #drawStroke(points: readonly { x: number; y: number }[], width: number): void {
    for (const context of [this.#context, this.#sample]) {
      const first = points[0];
      if (first === undefined) return;
      context.strokeStyle = ink;
      context.lineWidth = width;
      context.lineCap = 'round';
      context.lineJoin = 'round';
      context.beginPath();
      context.moveTo(first.x, first.y);
      if (points.length === 1) context.lineTo(first.x + 0.01, first.y);
      for (const point of points.slice(1)) context.lineTo(point.x, point.y);
      context.stroke();
    }
  }
}
