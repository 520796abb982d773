import { LenetError } from '@lenet/core/errors';

const marker = '@lenet/error/NonFiniteOutputError';
const symbol = Symbol.for(marker);

/**
 * Thrown by `evaluateModel` when some images gave outputs that are NaN or infinite, which a
 * read-out would turn into arbitrary labels: the model's weights are not finite, or overflow.
 */
export class NonFiniteOutputError extends LenetError {
  private readonly [symbol] = true;

  /** True when `error` is a {@link NonFiniteOutputError} (a subclass too), from any installed copy of lenet. */
  static override isInstance(error: unknown): error is NonFiniteOutputError {
    return LenetError.hasMarker(error, marker);
  }

  /** How many images gave at least one output that is not finite. */
  readonly images: number;
  /** How many images were classified. */
  readonly count: number;
  /** The index of the first such image. */
  readonly firstImage: number;

  /**
   * @param images - How many images gave outputs that are not finite.
   * @param count - How many images were classified.
   * @param firstImage - The index of the first such image.
   */
  constructor(images: number, count: number, firstImage: number) {
    super(
      'NonFiniteOutputError',
      `${images.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} images gave outputs that are not finite (NaN or Infinity), the first image ${String(firstImage)}: the model's weights are not finite or overflow, so its labels would be arbitrary. Load the model with loadModel (which refuses weights that are not finite), or retrain it with a lower learning rate.`,
    );
    this.images = images;
    this.count = count;
    this.firstImage = firstImage;
  }
}
