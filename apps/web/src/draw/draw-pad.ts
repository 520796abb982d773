/** A point of a stroke, in the pad's canvas pixels. */
export interface StrokePoint {
  readonly x: number;
  readonly y: number;
}

/** What the pad reports to the page. */
export interface DrawPadEvents {
  /** The drawing changed while a stroke is in progress (called at most once per frame). */
  readonly onDraw: () => void;
  /** A stroke ended, or the drawing was cleared or undone. `eventTime` is the `performance.now()` of the event. */
  readonly onChange: (eventTime: number) => void;
}

const paper = '#ffffff';
const ink = '#111111';
// The strokes are also drawn at 4x MNIST's 28 pixels for the preprocessing: as good a
// source for the 20x20 box as the full pad, and 6 times fewer pixels to read.
const sampleSize = 112;

/**
 * A drawing pad for mouse, touch and pen: dark ink on white paper, with undo and clear.
 * The strokes are kept, so undo redraws the others.
 */
export class DrawPad {
  readonly #canvas: HTMLCanvasElement;
  readonly #context: CanvasRenderingContext2D;
  readonly #sample: CanvasRenderingContext2D;
  readonly #events: DrawPadEvents;
  readonly #strokes: StrokePoint[][] = [];
  #current: StrokePoint[] | undefined;
  #frameRequested = false;

  constructor(canvas: HTMLCanvasElement, events: DrawPadEvents) {
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (context === null)
      throw new Error('The drawing pad needs a 2D canvas, which this browser did not give.');
    const sample = Object.assign(document.createElement('canvas'), {
      width: sampleSize,
      height: sampleSize,
    }).getContext('2d', { willReadFrequently: true });
    if (sample === null)
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

  /** The drawing as RGBA `ImageData`, 112x112 pixels. */
  picture(): ImageData {
    return this.#sample.getImageData(0, 0, sampleSize, sampleSize);
  }

  /** Replaces the drawing with `strokes` given in the unit square (0,0 top left), as if drawn by hand. */
  replaceWith(strokes: readonly (readonly (readonly [number, number])[])[]): void {
    this.#strokes.length = 0;
    for (const stroke of strokes)
      this.#strokes.push(
        stroke.map(([x, y]) => ({ x: x * this.#canvas.width, y: y * this.#canvas.height })),
      );
    this.#redraw();
    this.#events.onChange(performance.now());
  }

  /** Removes the last stroke. */
  undo(): void {
    this.#strokes.pop();
    this.#redraw();
    this.#events.onChange(performance.now());
  }

  /** Removes every stroke. */
  clear(): void {
    this.#strokes.length = 0;
    this.#redraw();
    this.#events.onChange(performance.now());
  }

  #point(event: PointerEvent): StrokePoint {
    const box = this.#canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * this.#canvas.width,
      y: ((event.clientY - box.top) / box.height) * this.#canvas.height,
    };
  }

  #start(event: PointerEvent): void {
    if (event.button !== 0) return;
    this.#canvas.setPointerCapture(event.pointerId);
    this.#current = [this.#point(event)];
    this.#strokes.push(this.#current);
    this.#drawStroke(this.#current);
  }

  #move(event: PointerEvent): void {
    const current = this.#current;
    if (current === undefined) return;
    const points =
      typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [event];
    for (const point of points.length > 0 ? points : [event]) current.push(this.#point(point));
    this.#drawStroke(current.slice(-points.length - 1));
    if (this.#frameRequested) return;
    this.#frameRequested = true;
    requestAnimationFrame(() => {
      this.#frameRequested = false;
      if (this.#current !== undefined) this.#events.onDraw();
    });
  }

  #end(event: PointerEvent): void {
    if (this.#current === undefined) return;
    this.#current = undefined;
    this.#events.onChange(event.timeStamp);
  }

  #redraw(): void {
    for (const context of [this.#context, this.#sample]) {
      context.fillStyle = paper;
      context.fillRect(0, 0, this.#canvas.width, this.#canvas.height);
    }
    for (const stroke of this.#strokes) this.#drawStroke(stroke);
  }

  #drawStroke(points: readonly StrokePoint[]): void {
    this.#trace(this.#context, points);
    this.#trace(this.#sample, points);
  }

  #trace(context: CanvasRenderingContext2D, points: readonly StrokePoint[]): void {
    const first = points[0];
    if (first === undefined) return;
    context.strokeStyle = ink;
    context.fillStyle = ink;
    context.lineWidth = this.#canvas.width / 12;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.beginPath();
    context.moveTo(first.x, first.y);
    if (points.length === 1) context.lineTo(first.x + 0.01, first.y);
    for (const point of points.slice(1)) context.lineTo(point.x, point.y);
    context.stroke();
  }
}
