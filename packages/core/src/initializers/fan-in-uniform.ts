import * as tf from '@tensorflow/tfjs';
import { LayerArgumentError } from '../errors/layer-argument-error.js';

/** The tfjs initialiser instance type (tfjs does not export the class itself): what a layer's `kernelInitializer` takes besides a name. */
export type Initializer = Exclude<
  NonNullable<Parameters<typeof tf.layers.dense>[0]['kernelInitializer']>,
  string
>;

// tfjs accepts an initialiser object only if it is an `instanceof` its internal base class,
// which the package does not export; reach it through a stock initialiser's prototype chain.
/** tfjs's internal initialiser base class (not exported by tfjs), for `instanceof` checks and subclassing. */
export const InitializerBase = Object.getPrototypeOf(
  tf.initializers.zeros().constructor,
) as abstract new () => Initializer;

/** Arguments of {@link FanInUniform}. */
export interface FanInUniformArgs {
  /** The numerator: weights are drawn uniformly in (-scale / fanIn^exponent, +scale / fanIn^exponent). Default 2.4. */
  scale?: number;
  /**
   * The power of the fan-in in the bound. Default 1 (the paper's 2.4 / F_i); 0.5 gives the
   * 1 / sqrt(F_i) of LeCun's lab code (EBLearn) with `scale: 1`.
   */
  exponent?: number;
  /**
   * The fan-in F_i of the units the weights belong to. A number applies to every weight; an
   * array gives one fan-in per entry of the last axis (used by {@link PartialConv2D}, whose
   * output maps have different fan-ins). Default: from the shape, `inputs` for a dense kernel
   * `[inputs, units]` and `height * width * channels` for a convolution kernel
   * `[height, width, channels, filters]`; required for any other shape, such as a bias.
   */
  fanIn?: number | readonly number[];
  /** Seed of the random generator, for reproducible initial weights. */
  seed?: number;
}

/**
 * The paper's initialisation: every weight uniform in (-2.4 / F_i, +2.4 / F_i), where F_i is
 * the fan-in of the unit the connection belongs to; with `exponent` the bound is
 * `scale / F_i^exponent`. Registered for serialisation as `FanInUniform`.
 *
 * @example
 * ```ts
 * tf.layers.conv2d({ filters: 6, kernelSize: 5, kernelInitializer: new FanInUniform(),
 *   biasInitializer: new FanInUniform({ fanIn: 25 }) });
 * ```
 * @throws {@link LayerArgumentError} for a non-positive scale or fan-in, or when the fan-in
 *   cannot be read from the weight's shape.
 * @see LeCun et al. 1998, Appendix A ("Weights are initialized with random values
 *   uniformly distributed between -2.4/F_i and 2.4/F_i").
 */
export class FanInUniform extends InitializerBase {
  /** The name under which the class is registered for serialisation. */
  static className = 'FanInUniform';
  /** The numerator of the bound. */
  readonly scale: number;
  /** The power of the fan-in in the bound's denominator. */
  readonly exponent: number;
  /** The fan-in, if given. */
  readonly fanIn: number | readonly number[] | undefined;
  /** The random seed, if given. */
  readonly seed: number | undefined;

  constructor(args: FanInUniformArgs = {}) {
    super();
    this.scale = args.scale ?? 2.4;
    if (!(this.scale > 0))
      throw new LayerArgumentError(
        'FanInUniform',
        'scale',
        'a positive number',
        String(args.scale),
      );
    this.exponent = args.exponent ?? 1;
    if (!(this.exponent >= 0) || !Number.isFinite(this.exponent))
      throw new LayerArgumentError(
        'FanInUniform',
        'exponent',
        'a finite number >= 0',
        String(args.exponent),
      );
    const fanIns = typeof args.fanIn === 'number' ? [args.fanIn] : (args.fanIn ?? []);
    for (const fanIn of fanIns) {
      if (!(fanIn > 0))
        throw new LayerArgumentError(
          'FanInUniform',
          'fanIn',
          'positive numbers',
          JSON.stringify(args.fanIn),
        );
    }
    this.fanIn = args.fanIn;
    this.seed = args.seed;
  }

  /**
   * Draws the initial weights.
   *
   * @param shape - The weight's shape.
   * @param dtype - Must be float32 (the default).
   */
  override apply(shape: tf.Shape, dtype?: tf.DataType): tf.Tensor {
    const size = shape.map((dimension) => dimension ?? 0);
    const limits = this.limits(size);
    return tf.tidy(() => {
      const unit = tf.randomUniform(size, -1, 1, dtype ?? 'float32', this.seed);
      return tf.mul(unit, typeof limits === 'number' ? limits : tf.tensor1d(limits));
    });
  }

  private limits(shape: number[]): number | number[] {
    const bound = (fanIn: number): number => this.scale / fanIn ** this.exponent;
    if (typeof this.fanIn === 'number') return bound(this.fanIn);
    if (this.fanIn !== undefined) {
      if (this.fanIn.length !== shape[shape.length - 1]) {
        throw new LayerArgumentError(
          'FanInUniform',
          'fanIn',
          `one fan-in per entry of the last axis of [${shape.join(', ')}]`,
          `${this.fanIn.length} fan-ins`,
        );
      }
      return this.fanIn.map(bound);
    }
    const [first = 0, second = 0, third = 0] = shape;
    if (shape.length === 2) return bound(first);
    if (shape.length === 4) return bound(first * second * third);
    throw new LayerArgumentError(
      'FanInUniform',
      'fanIn',
      'a fan-in for a weight that is neither a dense [inputs, units] nor a convolution [height, width, channels, filters] kernel',
      'none',
      'Pass new FanInUniform({ fanIn }) with the fan-in of the units, for example for a bias.',
    );
  }

  /** The constructor arguments, for serialisation. */
  override getConfig(): tf.serialization.ConfigDict {
    return {
      scale: this.scale,
      exponent: this.exponent,
      fanIn:
        this.fanIn === undefined
          ? null
          : typeof this.fanIn === 'number'
            ? this.fanIn
            : [...this.fanIn],
      seed: this.seed ?? null,
    };
  }

  /** Rebuilds an initialiser from {@link FanInUniform.getConfig}'s output. */
  static fromConfig<T extends tf.serialization.Serializable>(
    _constructor: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    const fanIn = config['fanIn'];
    return new FanInUniform({
      scale: config['scale'] as number,
      ...(typeof config['exponent'] === 'number' ? { exponent: config['exponent'] } : {}),
      ...(fanIn === null || fanIn === undefined ? {} : { fanIn: fanIn as number | number[] }),
      ...(typeof config['seed'] === 'number' ? { seed: config['seed'] } : {}),
    }) as unknown as T;
  }
}
tf.serialization.registerClass(FanInUniform);
