/**
 * The memory a data-parallel trainer and one of its workers share, so that a share of a batch
 * crosses threads by one copy in and one copy out, with no buffer moved or allocated per step:
 * the weights to compute at, the share's gradient (written by the worker), its labels and pixels.
 */
export class ShareExchange {
  /** The weights the worker computes its share's gradient at. */
  readonly weights: Float32Array;
  /** The share's mean-loss gradient, laid out as the weights (written by the worker). */
  readonly gradients: Float32Array;
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
    const floats = 2 * parameters + images * area;
    this.weights = new Float32Array(buffer, 0, parameters);
    this.gradients = new Float32Array(buffer, parameters * 4, parameters);
    this.pixelValues = new Float32Array(buffer, 2 * parameters * 4, images * area);
    this.labelBytes = new Uint8Array(buffer, floats * 4, images);
  }

  /** An exchange for shares of up to `images` images. */
  static create(parameters: number, images: number, area: number): ShareExchange {
    return new ShareExchange(new SharedArrayBuffer((2 * parameters + images * area) * 4 + images), parameters, images, area);
  }

  /** The pixels of a share of `count` images. */
  pixels(count: number): Float32Array {
    return this.pixelValues.subarray(0, count * this.area);
  }

  /** The labels of a share of `count` images. */
  labels(count: number): Uint8Array {
    return this.labelBytes.subarray(0, count);
  }
}
