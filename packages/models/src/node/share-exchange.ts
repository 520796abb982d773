/**
 * Byte offset of the weights: after the answer's loss (float64), its correct read-outs and
 * request number, then the request's number, images and image size (int32 each), padded to 32 bytes.
 */
const HEADER_BYTES = 32;
const CORRECT = 2;
const ANSWERED = 3;
const REQUESTED = 4;
const COUNT = 5;
const SIZE = 6;

/** A share to compute: the request's number, its images and their size (the data are in the exchange). */
export interface ShareOrder {
  readonly sequence: number;
  readonly count: number;
  readonly size: number;
}

/** A share's loss and correct read-outs, as the worker answered them. */
export interface ShareAnswer {
  readonly loss: number;
  readonly correct: number;
}

/**
 * The memory a data-parallel trainer and one of its workers share, so that a share of a batch
 * crosses threads by one copy in and one copy out, with no buffer moved or allocated per step:
 * the weights to compute at, the share's gradient (written by the worker), its labels and pixels,
 * the request (its number and size) and the worker's answer (loss, correct read-outs, and the
 * number of the request it answers), which each side can wait for with `Atomics.wait` instead of
 * a message's trip through its event loop.
 */
export class ShareExchange {
  /** The weights the worker computes its share's gradient at. */
  readonly weights: Float32Array;
  /** The share's mean-loss gradient, laid out as the weights (written by the worker). */
  readonly gradients: Float32Array;
  private readonly loss: Float64Array;
  private readonly counters: Int32Array;
  private readonly labelBytes: Uint8Array;
  private readonly pixelValues: Float32Array;

  /**
   * @param buffer - The shared memory; {@link ShareExchange.create} makes one.
   * @param parameters - The trainable weights.
   * @param images - The most images a share holds.
   * @param area - Pixels an image.
   */
  constructor(
    readonly buffer: SharedArrayBuffer,
    readonly parameters: number,
    readonly images: number,
    readonly area: number,
  ) {
    this.loss = new Float64Array(buffer, 0, 1);
    this.counters = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.weights = new Float32Array(buffer, HEADER_BYTES, parameters);
    this.gradients = new Float32Array(buffer, HEADER_BYTES + parameters * 4, parameters);
    this.pixelValues = new Float32Array(buffer, HEADER_BYTES + 2 * parameters * 4, images * area);
    this.labelBytes = new Uint8Array(
      buffer,
      HEADER_BYTES + (2 * parameters + images * area) * 4,
      images,
    );
  }

  /** An exchange for shares of up to `images` images. */
  static create(parameters: number, images: number, area: number): ShareExchange {
    return new ShareExchange(
      new SharedArrayBuffer(HEADER_BYTES + (2 * parameters + images * area) * 4 + images),
      parameters,
      images,
      area,
    );
  }

  /** The pixels of a share of `count` images. */
  pixels(count: number): Float32Array {
    return this.pixelValues.subarray(0, count * this.area);
  }

  /** The labels of a share of `count` images. */
  labels(count: number): Uint8Array {
    return this.labelBytes.subarray(0, count);
  }

  /** The calling thread's side: the share's data are written; request `order` is made and a waiting worker wakes. */
  order({ sequence, count, size }: ShareOrder): void {
    this.counters[COUNT] = count;
    this.counters[SIZE] = size;
    Atomics.store(this.counters, REQUESTED, sequence);
    Atomics.notify(this.counters, REQUESTED);
  }

  /**
   * The worker's side: blocks until a request after number `after` is made, at most `timeoutMs`;
   * the request, or undefined when none came in that time.
   */
  awaitOrder(after: number, timeoutMs: number): ShareOrder | undefined {
    if (Atomics.wait(this.counters, REQUESTED, after, timeoutMs) === 'timed-out') return undefined;
    const sequence = Atomics.load(this.counters, REQUESTED);
    return sequence > after
      ? { sequence, count: this.counters[COUNT] ?? 0, size: this.counters[SIZE] ?? 0 }
      : undefined;
  }

  /** The worker's side: request `sequence` is answered (its gradient already written) and waiters wake. */
  answer(sequence: number, { loss, correct }: ShareAnswer): void {
    this.loss[0] = loss;
    this.counters[CORRECT] = correct;
    Atomics.store(this.counters, ANSWERED, sequence);
    Atomics.notify(this.counters, ANSWERED);
  }

  /**
   * The calling thread's side: blocks until request `sequence` is answered, at most `timeoutMs`;
   * the answer, or undefined when it did not come in that time.
   */
  awaitAnswer(sequence: number, timeoutMs: number): ShareAnswer | undefined {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const answered = Atomics.load(this.counters, ANSWERED);
      if (answered === sequence)
        return { loss: this.loss[0] ?? Number.NaN, correct: this.counters[CORRECT] ?? 0 };
      const left = deadline - performance.now();
      if (left <= 0) return undefined;
      Atomics.wait(this.counters, ANSWERED, answered, left);
    }
  }
}
